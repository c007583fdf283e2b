package dev.pyrometer.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The scanner names each Python process's nearest Python ancestor: a child behind a shell under the Python process
 * that ran the shell (a real one), and the parents' walk ends on a loop of reused pids.
 */
class ProcessScannerTest {

    @Test
    void aChildBehindAShellNamesThePythonProcessThatRanTheShell() throws Exception {
        Pythons.Python python = Pythons.all().getLast();
        try (TargetProcess parent = TargetProcess.start(python.executable(), "shell_child.py", "{dir}")) {
            try {
                int child = Integer.parseInt(Files.readString(parent.awaitFile("child")).strip());
                List<PythonProcess> found = new ProcessScanner().scan();
                PythonProcess row = found.stream().filter(p -> p.pid() == child).findFirst().orElseThrow();
                PythonProcess top = found.stream().filter(p -> p.pid() == parent.pid()).findFirst().orElseThrow();
                int shell = row.parentPid();
                assertTrue(shell != parent.pid() && found.stream().noneMatch(p -> p.pid() == shell),
                    "its kernel parent is the shell, which is not Python: " + shell);
                assertEquals(parent.pid(), row.pythonParentPid());
                assertEquals(ProcessHandle.current().pid(), top.parentPid());
                assertEquals(0, top.pythonParentPid(), "the JVM that started it is not Python");
            } finally {
                Files.writeString(parent.dir().resolve("stop"), "");
                parent.process().waitFor(60, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void aLoopOfParentsEndsWithoutAPythonParent() {
        // 10 (Python) → 20 → 30 → 20 …: pids reused while /proc was read.
        PythonProcess p = new PythonProcess(10, "me", List.of("python3"), "/usr/bin/python3", null, 0, Instant.now(), 20, 0);
        List<PythonProcess> out = ProcessScanner.withPythonParents(List.of(p), Map.of(10, 20, 20, 30, 30, 20));
        assertEquals(0, out.getFirst().pythonParentPid());
        PythonProcess q = new PythonProcess(11, "me", List.of("python3"), "/usr/bin/python3", null, 0, Instant.now(), 20, 0);
        out = ProcessScanner.withPythonParents(List.of(p, q), Map.of(10, 20, 20, 11, 11, 1));
        assertEquals(11, out.getFirst().pythonParentPid(), "through the non-Python 20");
        assertEquals(0, out.get(1).pythonParentPid());
    }
}
