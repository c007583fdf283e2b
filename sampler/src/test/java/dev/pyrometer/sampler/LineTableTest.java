package dev.pyrometer.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.pyrometer.sampler.walk.LineTable;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each interpreter lists, through its own PyCode_Addr2Line, the line of every bytecode offset of sample code
 * objects; our decoder of its raw table (lnotab, 3.10 linetable or 3.11+ location table) must say the same.
 */
class LineTableTest {
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pyrometer.sampler.Pythons#all")
    void decoderAgreesWithTheInterpreterAtEveryOffset(Pythons.Python python) throws Exception {
        try (TargetProcess run = TargetProcess.start(python.executable(), "line_tables.py")) {
            run.process().waitFor();
            JsonObject result = JsonParser.parseString(run.output()).getAsJsonObject();
            int offsets = 0;
            for (JsonElement e : result.getAsJsonArray("codes")) {
                JsonObject code = e.getAsJsonObject();
                byte[] raw = HexFormat.of().parseHex(code.get("table").getAsString());
                int first = code.get("first_line").getAsInt();
                LineTable table = python.version().atLeast(3, 11) ? LineTable.fromLocationTable(raw, first)
                    : python.version().atLeast(3, 10) ? LineTable.fromLinetable310(raw, first)
                    : LineTable.fromLnotab(raw, first);
                var lines = code.getAsJsonArray("lines");
                for (int i = 0; i < lines.size(); i++) {
                    assertEquals(lines.get(i).getAsInt(), table.lineAt(2 * i),
                        code.get("name").getAsString() + " at offset " + 2 * i);
                    offsets++;
                }
                assertEquals(first, table.lineAt(-2), "before the first instruction: the first line");
            }
            assertTrue(offsets > 200, "checked " + offsets + " offsets");
        }
    }
}
