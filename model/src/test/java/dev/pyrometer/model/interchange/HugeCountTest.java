package dev.pyrometer.model.interchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.model.Cancel;
import dev.pyrometer.model.FileErrors;
import dev.pyrometer.model.PyrometerException;
import java.io.StringReader;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A file that claims an absurd number of samples is refused at once, whatever samples came before it: the limit must
 * hold even when the running count plus the claim no longer fits in a long.
 */
class HugeCountTest {

    @Test
    void aHugeWeightAfterANormalSampleIsRefusedNotImported() {
        String json = """
            {"shared": {"frames": [{"name": "work"}]},
             "profiles": [{"type": "sampled", "unit": "none", "samples": [[0], [0]], "weights": [1, 1e300]}]}
            """;
        PyrometerException e = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThrows(PyrometerException.class,
            () -> SpeedscopeReader.read(new StringReader(json), "huge.speedscope.json", Cancel.NEVER)));
        assertEquals(FileErrors.BAD_INPUT, e.exitCode());
        assertTrue(e.getMessage().startsWith("huge.speedscope.json holds more than "), e.getMessage());
    }
}
