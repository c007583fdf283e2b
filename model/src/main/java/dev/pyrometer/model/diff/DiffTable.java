package dev.pyrometer.model.diff;

import dev.pyrometer.model.aggregate.CallTree;
import dev.pyrometer.model.aggregate.FrameRef;
import dev.pyrometer.model.aggregate.KeyBy;
import dev.pyrometer.model.aggregate.Keys;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/**
 * A comparison of two profiles per key (function, line, file or module): one row per key seen in either, with its
 * base and new self and total values. Keys of the two runs share a row when the {@link Pairing} says they are the
 * same frame (by default: the same path relative to each run's roots and the same qualified name). Rows are sorted
 * by the size of the total change, largest first. Built from two top-down call trees with the same key strategy (and
 * usually the same transforms). Immutable.
 */
public final class DiffTable extends DiffValues {
    private final KeyBy keyBy;
    private final Pairing pairing;
    private final String[] label;
    private final String[] file;
    private final FrameRef[] baseRef;
    private final FrameRef[] newRef;
    private final String[] function;
    private final int[] line;

    private DiffTable(KeyBy keyBy, Pairing pairing, Normalization normalization, long baseDenominator, long newDenominator,
                      String[] label, String[] file, FrameRef[] baseRef, FrameRef[] newRef, String[] function, int[] line,
                      int[] baseSelf, int[] baseTotal, int[] newSelf, int[] newTotal) {
        super(normalization, baseDenominator, newDenominator, baseSelf, baseTotal, newSelf, newTotal);
        this.keyBy = keyBy;
        this.pairing = pairing;
        this.label = label;
        this.file = file;
        this.baseRef = baseRef;
        this.newRef = newRef;
        this.function = function;
        this.line = line;
    }

    /** The table with frames paired by relative path ({@link MatchBy#RELATIVE_PATH}). */
    public static DiffTable of(CallTree base, CallTree news, Normalization normalization) {
        return of(base, news, normalization, Pairing.of(base.keys(), news.keys(), MatchBy.RELATIVE_PATH));
    }

    /** The table with frames paired as {@code pairing} says (made from these trees' keys). */
    public static DiffTable of(CallTree base, CallTree news, Normalization normalization, Pairing pairing) {
        if (base.keyBy() != news.keyBy()) throw new IllegalArgumentException("trees keyed differently: " + base.keyBy() + ", " + news.keyBy());
        if (base.isBottomUp() || news.isBottomUp()) throw new IllegalArgumentException("a diff table comes from top-down trees");
        Map<String, Integer> rowOf = new HashMap<>();
        int capacity = base.keys().size() + news.keys().size();
        String[] label = new String[capacity], file = new String[capacity], function = new String[capacity];
        FrameRef[][] sideRef = new FrameRef[2][capacity];
        long[][] sideWeight = new long[2][capacity];
        int[] line = new int[capacity];
        int[][] counts = new int[4][capacity]; // base self, base total, new self, new total
        int rows = 0;
        for (int side = 0; side < 2; side++) {
            CallTree tree = side == 0 ? base : news;
            DiffSide which = side == 0 ? DiffSide.BASE : DiffSide.NEW;
            Keys keys = tree.keys();
            int[] rowOfKey = new int[keys.size()];
            Arrays.fill(rowOfKey, -1);
            long[] keyWeight = new long[keys.size()];
            // Depth first with a count of each row on the current path: several keys may share a row (one name, two
            // first lines), and a sample passing through two of them still adds to the row's total once.
            int[] onPath = new int[capacity];
            int[] open = new int[64];
            int openCount = 0;
            for (int node = 1; node < tree.size(); node++) {
                while (openCount > 0 && tree.end(open[openCount - 1]) <= node) onPath[rowOfKey[tree.key(open[--openCount])]]--;
                int key = tree.key(node);
                if (rowOfKey[key] < 0) {
                    String identity = pairing.identity(which, keys, key);
                    Integer row = rowOf.get(identity);
                    if (row == null) {
                        row = rows++;
                        rowOf.put(identity, row);
                    }
                    rowOfKey[key] = row;
                }
                int row = rowOfKey[key];
                keyWeight[key] += tree.total(node);
                counts[side * 2][row] += tree.self(node);
                if (onPath[row] == 0) counts[side * 2 + 1][row] += tree.total(node);
                onPath[row]++;
                if (openCount == open.length) open = Arrays.copyOf(open, openCount * 2);
                open[openCount++] = node;
            }
            // A row stands, on each side, for its heaviest key there (matching by name merges several files' functions);
            // it is named as the new run names it where it has the frame: its qualified names, its paths.
            for (int key = 0; key < keys.size(); key++) {
                int row = rowOfKey[key];
                if (row < 0 || (sideRef[side][row] != null && keyWeight[key] <= sideWeight[side][row])) continue;
                sideRef[side][row] = keys.ref(key);
                sideWeight[side][row] = keyWeight[key];
            }
            for (int row = 0; row < rows; row++) {
                FrameRef ref = sideRef[side][row];
                if (ref == null) continue;
                function[row] = ref.function();
                line[row] = keys.by() == KeyBy.LINE ? ref.line() : 0;
                file[row] = keys.by() == KeyBy.MODULE ? pairing.moduleLabel(which, ref.module()) : pairing.display(which, ref.file());
                label[row] = label(keys.by(), file[row], function[row], line[row]);
            }
        }
        long baseDen = normalization.denominator(base);
        long newDen = normalization.denominator(news);
        // Order rows by the size of the total change, then by the larger total.
        Integer[] order = new Integer[rows];
        for (int r = 0; r < rows; r++) order[r] = r;
        double[] change = new double[rows];
        double[] weight = new double[rows];
        for (int r = 0; r < rows; r++) {
            double b = baseDen > 0 ? (double) counts[1][r] / baseDen : 0, n = newDen > 0 ? (double) counts[3][r] / newDen : 0;
            change[r] = Math.abs(n - b);
            weight[r] = Math.max(b, n);
        }
        Arrays.sort(order, Comparator.<Integer>comparingDouble(r -> -change[r]).thenComparingDouble(r -> -weight[r])
            .thenComparing(r -> label[r]));
        String[] sLabel = new String[rows], sFile = new String[rows], sFunction = new String[rows];
        FrameRef[] sBase = new FrameRef[rows], sNew = new FrameRef[rows];
        int[] sLine = new int[rows];
        int[][] sorted = new int[4][rows];
        for (int i = 0; i < rows; i++) {
            int r = order[i];
            sLabel[i] = label[r];
            sFile[i] = file[r];
            sBase[i] = sideRef[0][r];
            sNew[i] = sideRef[1][r];
            sFunction[i] = function[r];
            sLine[i] = line[r];
            for (int c = 0; c < 4; c++) sorted[c][i] = counts[c][r];
        }
        return new DiffTable(base.keyBy(), pairing, normalization, baseDen, newDen, sLabel, sFile, sBase, sNew, sFunction,
            sLine, sorted[0], sorted[1], sorted[2], sorted[3]);
    }

    /**
     * {@code hot (app.py)}, {@code hot (app.py:20)}: functions are matched by file and name across profiles, so their
     * label leaves out the first line; a frame without a file (a flamegraph.pl folded frame) shows its name alone.
     */
    private static String label(KeyBy by, String file, String function, int line) {
        return switch (by) {
            case FUNCTION -> file.isEmpty() ? function : function + " (" + file + ")";
            case LINE -> file.isEmpty() ? function + ":" + line : function + " (" + file + ":" + line + ")";
            case FILE, MODULE -> file;
        };
    }

    public KeyBy keyBy() { return keyBy; }
    /** How the two runs' frames were paired. */
    public Pairing pairing() { return pairing; }
    public String label(int row) { return label[row]; }
    /**
     * The source file as the comparison names it: relative to its run's roots ({@code app.py}, {@code json/decoder.py});
     * the module, for MODULE rows.
     */
    public String file(int row) { return file[row]; }
    /** The file (module, for MODULE rows) as the base run holds it: an absolute path; null when only the new run has the row. */
    public String baseFile(int row) { return fileOf(baseRef[row]); }
    /** The file (module, for MODULE rows) as the new run holds it; null when only the base run has the row. */
    public String newFile(int row) { return fileOf(newRef[row]); }
    /** The row's frame as the base run names it (the first of its keys there), or null when only the new run has it. */
    public FrameRef baseRef(int row) { return baseRef[row]; }
    /** The row's frame as the new run names it, or null when only the base run has it. */
    public FrameRef newRef(int row) { return newRef[row]; }

    private static String fileOf(FrameRef ref) {
        return ref == null ? null : ref.level() == KeyBy.MODULE ? ref.module() : ref.file();
    }
    /** The function, or null for file and module rows. */
    public String function(int row) { return function[row]; }
    /** The line for LINE rows, else 0. */
    public int line(int row) { return line[row]; }
}
