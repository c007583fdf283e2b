package dev.pyrometer.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pyrometer.model.PyrometerException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code -d} and {@code -r} are checked as their messages say before anything is recorded: a duration too long to
 * count (1e10 s, Infinity) used to record nothing and succeed; a rate under 1 Hz was taken though the message says
 * 1 to 100000.
 */
class RecordArgumentsTest {
    @ParameterizedTest
    @ValueSource(strings = {"1e10", "Infinity", "1000000001"})
    void aDurationTooLongIsRefusedWithWhatToDoInstead(String duration) {
        PyrometerException e = CliRun.error("record", "-d", duration, "--", "python3", "-c", "pass");
        assertEquals(UsageError.EXIT_CODE, e.exitCode());
        assertEquals("the duration must be at most 1000000000 seconds; to record until the program ends (or Ctrl-C),"
            + " leave -d out.", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.5", "0.999", "0", "-3", "NaN", "100001", "Infinity"})
    void aRateOutsideTheStatedRangeIsRefused(String rate) {
        PyrometerException e = CliRun.error("record", "-r", rate, "--", "python3", "-c", "pass");
        assertEquals(UsageError.EXIT_CODE, e.exitCode());
        assertEquals("the rate must be between 1 and 100000 samples per second.", e.getMessage());
    }
}
