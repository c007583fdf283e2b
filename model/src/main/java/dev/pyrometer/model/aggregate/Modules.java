package dev.pyrometer.model.aggregate;

/**
 * The module or package a source file belongs to, guessed from its path alone (the profiled interpreter's
 * {@code sys.path} is not known): the top-level package for installed libraries and the standard library,
 * the directory for the program's own files.
 */
public final class Modules {
    private static final String[] INSTALL_DIRS = {"/site-packages/", "/dist-packages/"};

    private Modules() {}

    /**
     * {@code .../site-packages/numpy/core/x.py} → {@code numpy}; {@code /usr/lib/python3.11/json/decoder.py} →
     * {@code json}; {@code <frozen importlib._bootstrap>} → {@code importlib}; a relative path such as py-spy's
     * {@code requests/api.py} → {@code requests}; {@code /srv/app/models/user.py} → {@code /srv/app/models}.
     */
    public static String of(String path) {
        if (path == null || path.isEmpty()) return "<unknown>";
        if (path.startsWith("<frozen ") && path.endsWith(">")) return firstDotted(path.substring(8, path.length() - 1));
        if (path.startsWith("<")) return path;
        String p = path.replace('\\', '/');
        int lib = installedEnd(p);
        if (lib < 0) lib = stdlibEnd(p);
        if (lib >= 0) return topLevel(p.substring(lib));
        if (!p.startsWith("/") && !(p.length() > 2 && p.charAt(1) == ':')) return topLevel(p);
        int slash = p.lastIndexOf('/');
        return slash <= 0 ? p : p.substring(0, slash);
    }

    /**
     * The path with its interpreter's install prefix replaced, so the same library file matches across Pythons and
     * machines: {@code /root/.pyenv/versions/3.8.18/lib/python3.8/json/decoder.py} → {@code <stdlib>/json/decoder.py},
     * {@code /venv/lib/python3.11/site-packages/numpy/core/x.py} → {@code <site-packages>/numpy/core/x.py}; the
     * program's own files are left as they are.
     */
    public static String portable(String path) {
        if (path == null || path.startsWith("<")) return path;
        String p = path.replace('\\', '/');
        int site = installedEnd(p);
        if (site >= 0) return "<site-packages>/" + p.substring(site);
        int lib = stdlibEnd(p);
        return lib >= 0 ? "<stdlib>/" + p.substring(lib) : path;
    }

    /**
     * The path inside its library when the path alone shows it is an installed package's or the standard library's
     * file ({@code requests/api.py}, {@code json/decoder.py}), else null: how {@link SourcePaths} keys library files of
     * a run whose roots are not known.
     */
    static String insideLibrary(String path) {
        if (path == null || path.startsWith("<")) return null;
        String p = path.replace('\\', '/');
        int lib = installedEnd(p);
        if (lib < 0) lib = stdlibEnd(p);
        return lib >= 0 ? p.substring(lib) : null;
    }

    /** The index just after the last {@code /site-packages/} or {@code /dist-packages/}, or -1. */
    private static int installedEnd(String p) {
        for (String dir : INSTALL_DIRS) {
            int at = p.lastIndexOf(dir);
            if (at >= 0) return at + dir.length();
        }
        return -1;
    }

    /** The index just after {@code /lib/pythonX.Y/} (or {@code /Lib/}), or -1. */
    private static int stdlibEnd(String p) {
        int at = p.lastIndexOf("/lib/python");
        if (at >= 0) {
            int slash = p.indexOf('/', at + 11);
            return slash < 0 ? -1 : slash + 1;
        }
        at = p.lastIndexOf("/Lib/");
        return at < 0 ? -1 : at + 5;
    }

    private static String topLevel(String relative) {
        int slash = relative.indexOf('/');
        String first = slash < 0 ? relative : relative.substring(0, slash);
        int dot = slash < 0 ? first.indexOf('.') : -1;
        return dot > 0 ? first.substring(0, dot) : first;
    }

    private static String firstDotted(String name) {
        int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
