package dev.pyrometer.model.interchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pyrometer.model.FileErrors;
import dev.pyrometer.model.PyrometerException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Damaged speedscope JSON is described in words, without the parser's Java class names or JSON paths. */
class SpeedscopeMessagesTest {
    @TempDir Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"shapes\": [1,2|the file ends before the JSON does at line 1 column 16",
        "{\"a\": [1 2]}|Unterminated array at line 1 column 11",
        "{\"a\" 1}|Expected ':' at line 1 column 7"})
    void damagedJsonIsDescribedInWords(String json, String reason) throws Exception {
        Path file = Files.writeString(dir.resolve("x.speedscope.json"), json);
        PyrometerException e = assertThrows(PyrometerException.class, () -> ProfileFiles.read(file));
        assertEquals(FileErrors.BAD_INPUT, e.exitCode());
        assertEquals("x.speedscope.json is not valid speedscope JSON: " + reason + ".", e.getMessage());
    }
}
