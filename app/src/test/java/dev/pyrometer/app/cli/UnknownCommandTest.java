package dev.pyrometer.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pyrometer.model.PyrometerException;
import org.junit.jupiter.api.Test;

/** A mistyped command is named as such, with the list, rather than taken for a program to open the desktop app with. */
class UnknownCommandTest {
    @Test
    void aMistypedCommandListsTheCommands() {
        PyrometerException e = CliRun.error("recrod", "--pid", "1");
        assertEquals(2, e.exitCode());
        assertEquals("unknown command 'recrod'; the commands are record, dump, ps, convert, diff, open, compare, report (to"
            + " launch a program in the workbench: pyrometer -- recrod).", e.getMessage());
    }
}
