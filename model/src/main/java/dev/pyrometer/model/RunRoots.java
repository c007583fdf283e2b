package dev.pyrometer.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a recorded program's files were found: the folders a comparison strips from absolute paths so that two
 * checkouts, two virtual environments or two hosts pair their frames. Read by the sampler once, from the target's
 * memory ({@code sys.path} and the prefixes, {@code __main__.__file__}) and {@code /proc} (the working directory), and
 * kept as session metadata under the keys below. A session without them (older files, imports) has no roots: every
 * component is null or empty.
 *
 * @param sysPath    {@code sys.path} as the program had it, entries as Python holds them ({@code ""} is the working
 *                   directory); empty when unknown
 * @param mainFile   {@code __main__.__file__}, or null (a {@code -c} program, or unknown)
 * @param cwd        the working directory, or null
 * @param prefix     {@code sys.prefix}: the virtual environment when there is one
 * @param basePrefix {@code sys.base_prefix}: the installation the environment was made from
 * @param execPrefix {@code sys.exec_prefix}
 */
public record RunRoots(List<String> sysPath, String mainFile, String cwd, String prefix, String basePrefix,
                       String execPrefix) {
    /** {@code sys.path}, its entries separated by line feeds (a path holding one is left out). */
    public static final String SYS_PATH = "python.sys_path";
    public static final String MAIN_FILE = "python.main_file";
    public static final String CWD = "python.cwd";
    public static final String PREFIX = "python.prefix";
    public static final String BASE_PREFIX = "python.base_prefix";
    public static final String EXEC_PREFIX = "python.exec_prefix";
    /** Every key the roots are kept under. */
    public static final List<String> KEYS = List.of(SYS_PATH, MAIN_FILE, CWD, PREFIX, BASE_PREFIX, EXEC_PREFIX);

    public static final RunRoots NONE = new RunRoots(List.of(), null, null, null, null, null);

    public RunRoots {
        sysPath = List.copyOf(sysPath);
    }

    /** The roots a profile's metadata holds; {@link #NONE} for a session recorded before they were kept. */
    public static RunRoots of(Profile profile) {
        return of(profile.metadata());
    }

    public static RunRoots of(Map<String, String> metadata) {
        String path = metadata.get(SYS_PATH);
        List<String> entries = new ArrayList<>();
        if (path != null && !path.isEmpty()) entries.addAll(List.of(path.split("\n", -1)));
        return new RunRoots(entries, blankToNull(metadata.get(MAIN_FILE)), blankToNull(metadata.get(CWD)),
            blankToNull(metadata.get(PREFIX)), blankToNull(metadata.get(BASE_PREFIX)), blankToNull(metadata.get(EXEC_PREFIX)));
    }

    /** Whether anything is known: false for sessions and imports without roots. */
    public boolean known() {
        return !sysPath.isEmpty() || mainFile != null || cwd != null || prefix != null;
    }

    /**
     * Whether the program had got as far as running its main script when these were read: before that, {@code site}
     * may not have added the package folders to {@code sys.path} yet.
     */
    public boolean complete() {
        return mainFile != null && !sysPath.isEmpty();
    }

    /** The metadata entries that keep these roots; unknown ones are left out. */
    public Map<String, String> metadata() {
        Map<String, String> out = new LinkedHashMap<>();
        if (!sysPath.isEmpty()) {
            out.put(SYS_PATH, String.join("\n", sysPath.stream().filter(p -> p.indexOf('\n') < 0).toList()));
        }
        put(out, MAIN_FILE, mainFile);
        put(out, CWD, cwd);
        put(out, PREFIX, prefix);
        put(out, BASE_PREFIX, basePrefix);
        put(out, EXEC_PREFIX, execPrefix);
        return out;
    }

    /** Whether the program ran in a virtual environment ({@code sys.prefix} differs from {@code sys.base_prefix}). */
    public boolean inVirtualEnv() {
        return prefix != null && basePrefix != null && !prefix.equals(basePrefix);
    }

    private static void put(Map<String, String> out, String key, String value) {
        if (value != null) out.put(key, value);
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
