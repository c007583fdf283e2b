package dev.pyrometer.model.diff;

import dev.pyrometer.model.Profile;
import dev.pyrometer.model.RunRoots;
import dev.pyrometer.model.aggregate.FrameRef;
import dev.pyrometer.model.aggregate.Keys;
import dev.pyrometer.model.aggregate.Modules;
import dev.pyrometer.model.aggregate.SourcePaths;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which file of one run is which file of the other, and so which frames are the same: what every view of a
 * comparison pairs by (the merged call paths, the delta table, the source gutter, selections and zoom crossing from
 * one run to the other). Files pair, one to one, by the first rule that finds a partner:
 * <ol>
 *   <li>{@link Rule#RELATIVE_PATH}: the same path relative to the runs' roots ({@link SourcePaths});</li>
 *   <li>{@link Rule#MODULE}: the same dotted module name, or, for runs without roots, one module name ending in the
 *       other where that is the only candidate either way ({@code src.app.core} and {@code app.core});</li>
 * </ol>
 * or, when matching by {@link MatchBy#ABSOLUTE_PATH}, only by the very same path. A frame's identity is then its
 * file's pair and its function's qualified name (the plain name when only one run's Python has qualified names,
 * before 3.11), never the absolute path alone; by {@link MatchBy#FUNCTION_NAME} the file is left out. Immutable.
 */
public final class Pairing {
    /** How two files were paired. */
    public enum Rule {
        RELATIVE_PATH("relative path"), MODULE("module"), ABSOLUTE_PATH("absolute path");

        private final String label;

        Rule(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** Two files paired, as each run names it, and the rule that paired them. */
    public record FilePair(String baseFile, String newFile, Rule rule) {}

    private final MatchBy by;
    private final SourcePaths basePaths;
    private final SourcePaths newPaths;
    private final Map<String, FilePair> pairOfBase = new HashMap<>();
    private final Map<String, FilePair> pairOfNew = new HashMap<>();
    private final Map<String, String> baseToken = new HashMap<>();
    private final Map<String, String> newToken = new HashMap<>();
    private final List<FilePair> pairs = new ArrayList<>();
    private final int baseFiles;
    private final int newFiles;
    private final boolean plainNames;

    private Pairing(MatchBy by, SourcePaths basePaths, Set<String> baseFiles, SourcePaths newPaths, Set<String> newFiles,
                    boolean plainNames) {
        this.by = by;
        this.basePaths = basePaths;
        this.newPaths = newPaths;
        this.baseFiles = baseFiles.size();
        this.newFiles = newFiles.size();
        this.plainNames = plainNames;
        if (by == MatchBy.ABSOLUTE_PATH) {
            for (String file : baseFiles) if (newFiles.contains(file)) pair(file, file, Rule.ABSOLUTE_PATH);
        } else {
            pairBy(baseFiles, newFiles, basePaths::relative, newPaths::relative, Rule.RELATIVE_PATH);
            pairBy(baseFiles, newFiles, basePaths::module, newPaths::module, Rule.MODULE);
            pairByModuleTail(baseFiles, newFiles);
        }
        for (String file : baseFiles) baseToken.put(file, token(DiffSide.BASE, file));
        for (String file : newFiles) newToken.put(file, token(DiffSide.NEW, file));
    }

    /** The pairing of the files two call trees' keys cover (every frame of their snapshots). */
    public static Pairing of(Keys base, Keys news, MatchBy by) {
        return of(base.profile(), files(base), news.profile(), files(news), by);
    }

    /** The pairing of two runs' files, named through each run's roots (its metadata). */
    public static Pairing of(Profile base, Collection<String> baseFiles, Profile news, Collection<String> newFiles, MatchBy by) {
        Set<String> b = new LinkedHashSet<>(baseFiles), n = new LinkedHashSet<>(newFiles);
        return new Pairing(by, SourcePaths.of(RunRoots.of(base), b), b, SourcePaths.of(RunRoots.of(news), n), n,
            plainNamesOnOneSide(base.metadata("python.version"), news.metadata("python.version")));
    }

    private static Set<String> files(Keys keys) {
        Profile profile = keys.profile();
        Set<String> files = new LinkedHashSet<>();
        for (int f = 0; f < keys.frameCount(); f++) files.add(profile.fileName(f));
        return files;
    }

    /** Python before 3.11 has no qualified names: its frames say {@code encode} where 3.11 says {@code JSONEncoder.encode}. */
    private static boolean plainNamesOnOneSide(String baseVersion, String newVersion) {
        Boolean b = qualified(baseVersion), n = qualified(newVersion);
        return b != null && n != null && !b.equals(n);
    }

    private static Boolean qualified(String version) {
        if (version == null) return null;
        String[] parts = version.split("\\.");
        try {
            return parts.length >= 2 && (Integer.parseInt(parts[0]) > 3 || Integer.parseInt(parts[0]) == 3 && Integer.parseInt(parts[1]) >= 11);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private interface Name {
        String of(String file);
    }

    /** Pairs the files still alone on both sides whose names agree, in the order the runs met them. */
    private void pairBy(Set<String> baseFiles, Set<String> newFiles, Name baseName, Name newName, Rule rule) {
        Map<String, ArrayDeque<String>> waiting = new HashMap<>();
        for (String file : newFiles) {
            if (!pairOfNew.containsKey(file)) waiting.computeIfAbsent(newName.of(file), k -> new ArrayDeque<>()).add(file);
        }
        for (String file : baseFiles) {
            if (pairOfBase.containsKey(file)) continue;
            ArrayDeque<String> candidates = waiting.get(baseName.of(file));
            String partner = candidates == null ? null : candidates.poll();
            if (partner != null) pair(file, partner, rule);
        }
    }

    /**
     * Module names that differ only by leading packages ({@code src.app.core}, {@code app.core}: a run without roots
     * names its files from their common folder), where each is the other's only such candidate.
     */
    private void pairByModuleTail(Set<String> baseFiles, Set<String> newFiles) {
        List<String> baseLeft = baseFiles.stream().filter(f -> !pairOfBase.containsKey(f) && !f.startsWith("<")).toList();
        List<String> newLeft = newFiles.stream().filter(f -> !pairOfNew.containsKey(f) && !f.startsWith("<")).toList();
        if (baseLeft.isEmpty() || newLeft.isEmpty()) return;
        Map<String, List<String>> candidates = new LinkedHashMap<>();
        Map<String, Integer> wanted = new HashMap<>();
        for (String b : baseLeft) {
            String mb = basePaths.module(b);
            List<String> found = new ArrayList<>();
            for (String n : newLeft) if (tailOf(mb, newPaths.module(n))) found.add(n);
            candidates.put(b, found);
            for (String n : found) wanted.merge(n, 1, Integer::sum);
        }
        candidates.forEach((b, found) -> {
            if (found.size() == 1 && wanted.get(found.getFirst()) == 1) pair(b, found.getFirst(), Rule.MODULE);
        });
    }

    private static boolean tailOf(String a, String b) {
        return !a.equals(b) && (a.endsWith("." + b) || b.endsWith("." + a));
    }

    private void pair(String baseFile, String newFile, Rule rule) {
        FilePair pair = new FilePair(baseFile, newFile, rule);
        pairOfBase.put(baseFile, pair);
        pairOfNew.put(newFile, pair);
        pairs.add(pair);
    }

    /** What a file contributes to its frames' identity: its pair, or itself alone (on its side only). */
    private String token(DiffSide side, String file) {
        if (by == MatchBy.ABSOLUTE_PATH) return file;
        FilePair pair = (side == DiffSide.BASE ? pairOfBase : pairOfNew).get(file);
        if (pair != null) return "=" + pair.newFile();
        return (side == DiffSide.BASE ? "<" : ">") + file;
    }

    private String tokenOf(DiffSide side, String file) {
        String known = (side == DiffSide.BASE ? baseToken : newToken).get(file);
        return known != null ? known : token(side, file);
    }

    public MatchBy matchBy() { return by; }

    /** How one run's files are named relative to its roots. */
    public SourcePaths paths(DiffSide side) {
        return side == DiffSide.BASE ? basePaths : newPaths;
    }

    /** Whether {@code file} is one of the run's files this pairing was made from. */
    public boolean has(DiffSide side, String file) {
        return (side == DiffSide.BASE ? baseToken : newToken).containsKey(file);
    }

    /** The file of the other run paired with {@code file} of {@code side}, or null. */
    public String partner(DiffSide side, String file) {
        FilePair pair = (side == DiffSide.BASE ? pairOfBase : pairOfNew).get(file);
        return pair == null ? null : side == DiffSide.BASE ? pair.newFile() : pair.baseFile();
    }

    /** The rule that paired {@code file} of {@code side}, or null when it has no partner. */
    public Rule rule(DiffSide side, String file) {
        FilePair pair = (side == DiffSide.BASE ? pairOfBase : pairOfNew).get(file);
        return pair == null ? null : pair.rule();
    }

    /** Every pair of files, in the order the base run met them. */
    public List<FilePair> pairs() {
        return List.copyOf(pairs);
    }

    /** How many files each rule paired. */
    public Map<Rule, Integer> counts() {
        Map<Rule, Integer> counts = new EnumMap<>(Rule.class);
        for (FilePair pair : pairs) counts.merge(pair.rule(), 1, Integer::sum);
        return counts;
    }

    /** How many of a run's files have no partner in the other. */
    public int unpaired(DiffSide side) {
        return (side == DiffSide.BASE ? baseFiles : newFiles) - pairs.size();
    }

    /** Whether functions are compared by their plain names (only one run's Python has qualified names). */
    public boolean plainNames() {
        return plainNames;
    }

    /** The file as a comparison shows it: its path relative to its run's roots. */
    public String display(DiffSide side, String file) {
        return paths(side).relative(file);
    }

    /** What makes a frame of {@code side}, named as that run names it, the same as one of the other run. */
    public String identity(DiffSide side, FrameRef ref) {
        return switch (ref.level()) {
            case LINE -> fileIdentity(side, ref.file()) + '\u0000' + function(ref.function()) + '\u0000' + ref.line();
            case FUNCTION -> fileIdentity(side, ref.file()) + '\u0000' + function(ref.function());
            case FILE -> by == MatchBy.FUNCTION_NAME ? baseName(display(side, ref.file())) : tokenOf(side, ref.file());
            case MODULE -> moduleIdentity(side, ref.module());
        };
    }

    /** The identity of a key of one side's call tree. */
    String identity(DiffSide side, Keys keys, int key) {
        return switch (keys.by()) {
            case LINE -> fileIdentity(side, keys.file(key)) + '\u0000' + function(keys.function(key)) + '\u0000' + keys.line(key);
            case FUNCTION -> fileIdentity(side, keys.file(key)) + '\u0000' + function(keys.function(key));
            case FILE -> by == MatchBy.FUNCTION_NAME ? baseName(display(side, keys.file(key))) : tokenOf(side, keys.file(key));
            case MODULE -> moduleIdentity(side, keys.module(key));
        };
    }

    /** Whether two frames, each named as its own run names it, are the same. */
    public boolean same(DiffSide side, FrameRef ref, FrameRef other) {
        if (ref == null || other == null) return ref == other;
        return ref.level() == other.level() && identity(side, ref).equals(identity(side.other(), other));
    }

    private String fileIdentity(DiffSide side, String file) {
        return by == MatchBy.FUNCTION_NAME ? "" : tokenOf(side, file);
    }

    private String function(String name) {
        if (!plainNames || name == null) return name;
        int dot = name.lastIndexOf('.');
        return dot >= 0 && dot < name.length() - 1 ? name.substring(dot + 1) : name;
    }

    /**
     * A module group ({@link Modules#of}): a library's top-level package as it is; a folder of the program's own,
     * by its path relative to the run's roots, unless matching by absolute path.
     */
    private String moduleIdentity(DiffSide side, String module) {
        if (by == MatchBy.ABSOLUTE_PATH || !isFolder(module)) return module;
        return "/" + insideRoots(side, module);
    }

    /**
     * How a module group reads in a comparison: a folder of the program's own by its path inside the run's roots
     * (the root itself by its name).
     */
    public String moduleLabel(DiffSide side, String module) {
        if (!isFolder(module)) return module;
        String inside = insideRoots(side, module);
        if (!inside.isEmpty()) return inside;
        String name = baseName(module);
        return name.isEmpty() ? module : name;
    }

    /** A folder's path relative to its run's roots; "" for a root itself. */
    private String insideRoots(DiffSide side, String folder) {
        String inside = paths(side).relative(folder + "/__init__.py");
        int slash = inside.lastIndexOf('/');
        return slash > 0 ? inside.substring(0, slash) : "";
    }

    private static boolean isFolder(String module) {
        return module != null && (module.startsWith("/") || module.length() > 2 && module.charAt(1) == ':');
    }

    private static String baseName(String path) {
        int slash = path.lastIndexOf('/');
        return slash >= 0 ? path.substring(slash + 1) : path;
    }
}
