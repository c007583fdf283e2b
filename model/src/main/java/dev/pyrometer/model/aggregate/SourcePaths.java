package dev.pyrometer.model.aggregate;

import dev.pyrometer.model.RunRoots;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Each source file of one run named the way it is named wherever the program runs: its path relative to the run's
 * roots ({@code app.py}, {@code src/app/core.py}, {@code requests/api.py}, {@code json/decoder.py}) and its dotted
 * module name ({@code app}, {@code app.core}, {@code requests.api}, {@code json.decoder}). Two checkouts, two virtual
 * environments or two hosts give their files the same names, so a comparison can pair them.
 *
 * <p>The relative path is taken from the first kind of root that contains the file, the longest of that kind:
 * <ol>
 *   <li>the library folders on {@code sys.path}: those under {@code sys.prefix}, {@code sys.base_prefix} or
 *       {@code sys.exec_prefix}, {@code site-packages} and {@code dist-packages} folders, zip archives;</li>
 *   <li>the project: the main script's folder and the working directory (the folders a user names files from);</li>
 *   <li>the other {@code sys.path} entries, then the prefixes themselves;</li>
 *   <li>what the path alone shows of a library ({@link Modules#insideLibrary}: {@code …/site-packages/requests/api.py});</li>
 *   <li>for the rest (every own file of a run without roots: an older session, an import), the folder common to them.</li>
 * </ol>
 * The module name is the path relative to the longest {@code sys.path} entry holding the file (where Python imports
 * it from), else the relative path, as a dotted name. Immutable; files outside those given are named on demand.
 */
public final class SourcePaths {
    private final RunRoots roots;
    private final String cwd;
    private final List<String> library;
    private final List<String> project;
    private final List<String> others;
    private final List<String> imports;
    /** The folder common to the files no root holds, or null. */
    private final String common;
    private final Map<String, String> relative = new HashMap<>();
    private final Map<String, String> module = new HashMap<>();

    private SourcePaths(RunRoots roots, Collection<String> files) {
        this.roots = roots;
        this.cwd = roots.cwd() == null ? null : normalize(roots.cwd(), null);
        List<String> prefixes = new ArrayList<>();
        for (String p : new String[] {roots.prefix(), roots.basePrefix(), roots.execPrefix()}) {
            String dir = p == null ? null : normalize(p, cwd);
            if (dir != null && !prefixes.contains(dir)) prefixes.add(dir);
        }
        Set<String> library = new LinkedHashSet<>(), others = new LinkedHashSet<>(), imports = new LinkedHashSet<>();
        for (String entry : roots.sysPath()) {
            String dir = normalize(entry.isEmpty() ? "." : entry, cwd);
            if (dir == null) continue;
            imports.add(dir);
            (isLibrary(dir, prefixes) ? library : others).add(dir);
        }
        Set<String> project = new LinkedHashSet<>();
        String main = roots.mainFile() == null ? null : normalize(roots.mainFile(), cwd);
        if (main != null) project.add(parent(main));
        if (cwd != null && !cwd.equals("/")) project.add(cwd);
        others.addAll(prefixes);
        this.library = longestFirst(library);
        this.project = longestFirst(project);
        this.others = longestFirst(others);
        this.imports = longestFirst(imports);

        List<String> loose = new ArrayList<>();
        for (String file : files) {
            String abs = file == null || file.startsWith("<") ? null : normalize(file, cwd);
            if (abs != null && abs.startsWith("/") && underRoot(abs) == null && Modules.insideLibrary(abs) == null) loose.add(abs);
        }
        this.common = commonFolder(loose);
        for (String file : files) {
            if (file == null || relative.containsKey(file)) continue;
            relative.put(file, relativeOf(file));
            module.put(file, moduleOf(file));
        }
    }

    /** The names of {@code files} (a run's, from which the common folder of files outside every root is found). */
    public static SourcePaths of(RunRoots roots, Collection<String> files) {
        return new SourcePaths(roots, files);
    }

    public RunRoots roots() { return roots; }

    /** Whether the run's roots are known, rather than guessed from its files' common folder. */
    public boolean rooted() {
        return roots.known();
    }

    /**
     * The folder a user would name the run by: its main script's folder, else its working directory, else (a run
     * without roots) the folder common to its own files; null when nothing tells.
     */
    public String projectRoot() {
        String main = roots.mainFile() == null ? null : normalize(roots.mainFile(), cwd);
        if (main != null) return parent(main);
        if (cwd != null) return cwd;
        return common == null ? null : common.equals("/") ? "/" : common;
    }

    /** The path relative to the run's roots; pseudo-files ({@code <frozen runpy>}, {@code <string>}) as they are. */
    public String relative(String file) {
        if (file == null) return null;
        String known = relative.get(file);
        return known != null ? known : relativeOf(file);
    }

    /** The dotted module name: {@code app.core}, {@code json.decoder}; {@code <frozen runpy>} → {@code runpy}. */
    public String module(String file) {
        if (file == null) return null;
        String known = module.get(file);
        return known != null ? known : moduleOf(file);
    }

    private String relativeOf(String file) {
        if (file.startsWith("<")) return file;
        String abs = normalize(file, cwd);
        if (abs == null) return normalizeRelative(file);
        String rest = underRoot(abs);
        if (rest != null) return rest;
        String lib = Modules.insideLibrary(abs);
        if (lib != null) return lib;
        if (common != null && under(abs, common)) return rest(abs, common);
        return abs.startsWith("/") ? abs.substring(1) : abs;
    }

    private String moduleOf(String file) {
        if (file.startsWith("<frozen ") && file.endsWith(">")) return file.substring(8, file.length() - 1);
        if (file.startsWith("<")) return file;
        String abs = normalize(file, cwd);
        if (abs != null) {
            for (String root : imports) if (under(abs, root)) return dotted(rest(abs, root));
        }
        return dotted(relativeOf(file));
    }

    /** The path relative to the first kind of root holding it (libraries, project, other entries), or null. */
    private String underRoot(String abs) {
        for (List<String> kind : List.of(library, project, others)) {
            for (String root : kind) if (under(abs, root)) return rest(abs, root);
        }
        return null;
    }

    /** {@code a/b/c.py} → {@code a.b.c}; {@code a/__init__.py} → {@code a}; {@code m.cpython-311-x86_64-linux-gnu.so} → {@code m}. */
    static String dotted(String relative) {
        List<String> parts = new ArrayList<>(List.of(relative.split("/")));
        parts.removeIf(String::isEmpty);
        if (parts.isEmpty()) return relative;
        String last = parts.removeLast();
        int dot = last.indexOf('.');
        if (dot > 0) last = last.substring(0, dot);
        if (!last.equals("__init__") || parts.isEmpty()) parts.add(last);
        return String.join(".", parts);
    }

    private static boolean isLibrary(String dir, List<String> prefixes) {
        if (dir.endsWith(".zip") || dir.contains("/site-packages") || dir.contains("/dist-packages")) return true;
        for (String prefix : prefixes) if (!prefix.equals("/") && under(dir, prefix)) return true;
        return false;
    }

    /** Whether {@code path} is {@code root} or inside it. */
    static boolean under(String path, String root) {
        if (root.equals("/")) return path.startsWith("/");
        return path.startsWith(root) && (path.length() == root.length() || path.charAt(root.length()) == '/');
    }

    private static String rest(String path, String root) {
        if (path.length() == root.length()) return "";
        return path.substring(root.equals("/") ? 1 : root.length() + 1);
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    private static List<String> longestFirst(Collection<String> roots) {
        List<String> out = new ArrayList<>(roots);
        out.sort(Comparator.comparingInt(String::length).reversed());
        return List.copyOf(out);
    }

    /** The deepest folder holding every one of {@code files}, or null when there are none. */
    private static String commonFolder(List<String> files) {
        if (files.isEmpty()) return null;
        String common = parent(files.getFirst());
        for (String f : files) {
            while (!common.equals("/") && !under(f, common)) common = parent(common);
        }
        return common;
    }

    /**
     * An absolute path with {@code .} and {@code ..} resolved and separators made {@code /}; a relative one resolved
     * against {@code cwd}, or null without one. Windows paths ({@code C:\…}) count as absolute.
     */
    static String normalize(String path, String cwd) {
        String p = path.replace('\\', '/');
        boolean drive = p.length() > 2 && p.charAt(1) == ':' && p.charAt(2) == '/';
        if (!p.startsWith("/") && !drive) {
            if (cwd == null) return null;
            p = cwd + "/" + p;
        }
        List<String> parts = new ArrayList<>();
        for (String part : p.split("/")) {
            if (part.isEmpty() || part.equals(".")) continue;
            if (part.equals("..")) {
                if (!parts.isEmpty()) parts.removeLast();
            } else {
                parts.add(part);
            }
        }
        return drive ? String.join("/", parts) : "/" + String.join("/", parts);
    }

    /** A relative path without {@code ./} and empty parts. */
    private static String normalizeRelative(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.replace('\\', '/').split("/")) if (!part.isEmpty() && !part.equals(".")) parts.add(part);
        return String.join("/", parts);
    }
}
