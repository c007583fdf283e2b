package dev.pyrometer.sampler.layout;

import java.util.Map;

/**
 * Where CPython keeps what thread names are read from (x86-64, bytes): {@code sys.modules}, a module's dict, dicts
 * and their keys objects, an instance's attributes (a dict, split values, 3.13's inline values) and ints. -1 marks
 * what a version does not have. Built from the same generated table as {@link Layout}; from 3.13 the fields that
 * {@code _Py_DebugOffsets} covers come from the target itself.
 */
public final class ObjectLayout {
    /** {@code interp->modules} (to 3.11) or {@code interp->imports.modules}: {@code sys.modules}. */
    public final int interpModules;
    public final int moduleDict;
    public final int dictKeys;
    public final int dictValues;
    /** Up to 3.10: {@code dk_size}; from 3.11 {@code dk_log2_size}, {@code dk_log2_index_bytes}, {@code dk_kind}. */
    public final int keysSize;
    public final int keysLog2Size;
    public final int keysLog2IndexBytes;
    public final int keysKind;
    public final int keysEntries;
    public final int keysIndices;
    /** {@code PyDictKeyEntry}: hash, key, value. */
    public final int keyEntrySize;
    public final int keyEntryKey;
    public final int keyEntryValue;
    /** 3.11+ {@code PyDictUnicodeEntry}: key, value. */
    public final int unicodeEntrySize;
    public final int unicodeEntryKey;
    public final int unicodeEntryValue;
    /** Where the value pointers start in a split dict's values ({@code PyDictValues}). */
    public final int valuesValues;
    public final int typeBasicSize;
    public final int typeDictOffset;
    public final int typeFlags;
    public final int heapTypeCachedKeys;
    /** 3.11+: bytes before an object where its managed dict (3.12: dict or tagged values) pointer is. */
    public final int managedDictBefore;
    /** 3.11: bytes before an object where its values pointer is. */
    public final int valuesBefore;
    public final long flagManagedDict;
    /** 3.13+: the type keeps its instances' values inline, after the object. */
    public final long flagInlineValues;
    /** Up to 3.11: {@code ob_size}, the signed number of digits; from 3.12 {@code lv_tag}. */
    public final int longSize;
    public final int longTag;
    public final int longDigits;
    public final int longNonSizeBits;
    public final int longShift;

    private ObjectLayout(Map<String, Long> f) {
        interpModules = get(f, "interp.modules");
        moduleDict = get(f, "module.dict");
        dictKeys = get(f, "dict.keys");
        dictValues = get(f, "dict.values");
        keysSize = get(f, "keys.size");
        keysLog2Size = get(f, "keys.log2_size");
        keysLog2IndexBytes = get(f, "keys.log2_index_bytes");
        keysKind = get(f, "keys.kind");
        keysEntries = get(f, "keys.nentries");
        keysIndices = get(f, "keys.indices");
        keyEntrySize = get(f, "keyentry.size");
        keyEntryKey = get(f, "keyentry.key");
        keyEntryValue = get(f, "keyentry.value");
        unicodeEntrySize = get(f, "unicodeentry.size");
        unicodeEntryKey = get(f, "unicodeentry.key");
        unicodeEntryValue = get(f, "unicodeentry.value");
        valuesValues = get(f, "values.values");
        typeBasicSize = get(f, "type.basicsize");
        typeDictOffset = get(f, "type.dictoffset");
        typeFlags = get(f, "type.flags");
        heapTypeCachedKeys = get(f, "heaptype.cached_keys");
        managedDictBefore = get(f, "object.managed_dict_before");
        valuesBefore = get(f, "object.values_before");
        flagManagedDict = get(f, "tpflags.managed_dict");
        flagInlineValues = get(f, "tpflags.inline_values");
        longSize = get(f, "long.size");
        longTag = get(f, "long.tag");
        longDigits = get(f, "long.digits");
        longNonSizeBits = get(f, "long.non_size_bits");
        longShift = get(f, "long.shift");
    }

    /** The object layout in {@code fields}, or null when a field is missing (a table older than thread names). */
    static ObjectLayout of(Map<String, Long> fields) {
        try {
            return new ObjectLayout(fields);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static int get(Map<String, Long> fields, String key) {
        Long value = fields.get(key);
        if (value == null) throw new IllegalArgumentException(key);
        return value.intValue();
    }
}
