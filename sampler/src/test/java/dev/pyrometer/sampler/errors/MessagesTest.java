package dev.pyrometer.sampler.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.model.PyrometerException;
import dev.pyrometer.sampler.PythonTarget;
import dev.pyrometer.sampler.Pythons;
import dev.pyrometer.sampler.TargetProcess;
import dev.pyrometer.sampler.proc.ProcFiles;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** Messages that named the wrong cause: a zombie is a process that has exited; root is not told to use sudo. */
class MessagesTest {
    @Test
    void aZombieHasExitedRatherThanBeingNoPython() throws Exception {
        Pythons.Python python = Pythons.all().getFirst();
        try (TargetProcess parent = TargetProcess.start(python.executable(), "exits_unreaped.py")) {
            int child = Integer.parseInt(Files.readString(parent.awaitFile("child.txt")).strip());
            Files.writeString(parent.dir().resolve("go"), "");
            parent.await(() -> ProcFiles.state(child) == 'Z', "leave its child a zombie");
            PyrometerException e = assertThrows(PyrometerException.class, () -> PythonTarget.attach(child).close());
            assertEquals(SamplerErrors.NO_SUCH_PROCESS, e.exitCode());
            assertEquals("process " + child + " has exited (its parent has not yet collected its exit status); there"
                + " is nothing left to read.", e.getMessage());
        }
    }

    @Test
    void rootWithTheCapabilityIsNotToldToUseSudo() {
        String s = new PermissionAdvice(0, 0, 0, false, true).explain();
        assertTrue(s.contains("not dumpable"), s);
        assertFalse(s.contains("sudo"), s);
        assertTrue(new PermissionAdvice(0, 1000, 1000, false, false).explain().contains("sudo"));
    }
}
