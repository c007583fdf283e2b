package dev.pyrometer.model.interchange;

/**
 * Field numbers of pprof's {@code profile.proto} (package perftools.profiles, github.com/google/pprof,
 * proto/profile.proto), the ones Pyrometer writes and reads.
 */
final class PprofFields {
    // message Profile
    static final int PROFILE_SAMPLE_TYPE = 1;
    static final int PROFILE_SAMPLE = 2;
    static final int PROFILE_LOCATION = 4;
    static final int PROFILE_FUNCTION = 5;
    static final int PROFILE_STRING_TABLE = 6;
    static final int PROFILE_TIME_NANOS = 9;
    static final int PROFILE_DURATION_NANOS = 10;
    static final int PROFILE_PERIOD_TYPE = 11;
    static final int PROFILE_PERIOD = 12;
    static final int PROFILE_COMMENT = 13;
    static final int PROFILE_DEFAULT_SAMPLE_TYPE = 14;
    // message ValueType
    static final int VALUE_TYPE_TYPE = 1;
    static final int VALUE_TYPE_UNIT = 2;
    // message Sample: location_id leaf first
    static final int SAMPLE_LOCATION_ID = 1;
    static final int SAMPLE_VALUE = 2;
    static final int SAMPLE_LABEL = 3;
    // message Label
    static final int LABEL_KEY = 1;
    static final int LABEL_STR = 2;
    static final int LABEL_NUM = 3;
    // message Location: lines innermost (inlined) first, the caller last
    static final int LOCATION_ID = 1;
    static final int LOCATION_LINE = 4;
    // message Line
    static final int LINE_FUNCTION_ID = 1;
    static final int LINE_LINE = 2;
    // message Function
    static final int FUNCTION_ID = 1;
    static final int FUNCTION_NAME = 2;
    static final int FUNCTION_FILENAME = 4;
    static final int FUNCTION_START_LINE = 5;

    private PprofFields() {}
}
