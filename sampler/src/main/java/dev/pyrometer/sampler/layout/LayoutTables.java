package dev.pyrometer.sampler.layout;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The layouts generated from each CPython's own headers by {@code sampler/tools/layouts/generate.sh}, kept as
 * resources {@code python-X.Y.properties}.
 */
public final class LayoutTables {
    private LayoutTables() {}

    /** The generated table for a minor version, or null when there is none. */
    public static Layout forVersion(int major, int minor) {
        Properties table = load(major, minor);
        if (table == null) return null;
        return new Layout("table generated from Python " + table.getProperty("version") + " headers", fields(table),
            callOpcodes(table));
    }

    /** The generated table's offsets by name, or null without a table. */
    public static Map<String, Long> fields(int major, int minor) {
        Properties table = load(major, minor);
        return table == null ? null : fields(table);
    }

    private static Map<String, Long> fields(Properties table) {
        Map<String, Long> fields = new HashMap<>();
        for (String key : table.stringPropertyNames()) {
            if (key.equals("version") || key.equals("opcodes.call")) continue;
            fields.put(key, Long.parseLong(table.getProperty(key).strip()));
        }
        return fields;
    }

    /** The CALL-family opcodes of a minor version, or null without a table. */
    public static boolean[] callOpcodes(int major, int minor) {
        Properties table = load(major, minor);
        return table == null ? null : callOpcodes(table);
    }

    private static boolean[] callOpcodes(Properties table) {
        boolean[] calls = new boolean[256];
        String list = table.getProperty("opcodes.call", "");
        for (String op : list.split(",")) {
            if (!op.isBlank()) calls[Integer.parseInt(op.strip())] = true;
        }
        return calls;
    }

    private static Properties load(int major, int minor) {
        String name = "python-" + major + "." + minor + ".properties";
        try (InputStream in = LayoutTables.class.getResourceAsStream(name)) {
            if (in == null) return null;
            Properties p = new Properties();
            p.load(in);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
