package dev.pyrometer.sampler.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stat line's state and CPU times, after a command name that may hold spaces and parentheses. */
class TaskStatTest {
    @TempDir Path dir;

    private static boolean parse(TaskStat stat, String line) {
        byte[] bytes = line.getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length + 16).put(bytes).flip();
        return stat.parse(direct, bytes.length);
    }

    private static String line(String name, char state, long utime, long stime, long start) {
        return "4242 (" + name + ") " + state + " 1 4242 4242 0 -1 4194560 120 0 0 0 " + utime + " " + stime
            + " 0 0 20 0 3 0 " + start + " 12345678 2000 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n";
    }

    @Test
    void fieldsOfALine() {
        TaskStat stat = new TaskStat();
        assertTrue(parse(stat, line("python3", 'R', 1234, 56, 789012)));
        assertEquals('R', stat.state);
        assertTrue(stat.running());
        assertEquals(1234, stat.utime);
        assertEquals(56, stat.stime);
        assertEquals(789012, stat.startTime);
        assertEquals(1, stat.ppid);
    }

    @Test
    void aNameHoldingACloseParenthesisAndSpacesIsSkippedWhole() {
        TaskStat stat = new TaskStat();
        // A thread named "w) R (1 2 3" would read as running with wrong times if the first ')' ended the name.
        assertTrue(parse(stat, line("w) R (1 2 3", 'S', 77, 8, 900)));
        assertEquals('S', stat.state);
        assertFalse(stat.running());
        assertEquals(77, stat.utime);
        assertEquals(8, stat.stime);
        assertEquals(900, stat.startTime);
        assertTrue(parse(stat, line(")) ))", 'D', 1, 2, 3)));
        assertEquals('D', stat.state);
        assertEquals(3, stat.startTime);
    }

    @Test
    void whatIsNotAStatLineIsRefused() {
        TaskStat stat = new TaskStat();
        assertFalse(parse(stat, ""));
        assertFalse(parse(stat, "4242 (python3"), "cut inside the name");
        assertFalse(parse(stat, "4242 (python3) S 1 2 3"), "cut before the CPU times");
    }

    /** A real process whose command name is "a) R (b": the kernel writes it into the stat line as is. */
    @Test
    void aRealProcessWithSuchAName() throws Exception {
        Path sleep = Files.copy(Path.of("/bin/sleep"), dir.resolve("a) R (b"), StandardCopyOption.COPY_ATTRIBUTES);
        Process p = new ProcessBuilder(sleep.toString(), "60").start();
        try {
            Path statFile = Path.of("/proc", Long.toString(p.pid()), "stat");
            byte[] bytes = Files.readAllBytes(statFile);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            // Until exec is done the name is the JVM's; then sleep blocks in its one call.
            while (!new String(bytes, StandardCharsets.ISO_8859_1).contains("(a) R (b) S")) {
                assertTrue(System.nanoTime() < deadline, new String(bytes, StandardCharsets.ISO_8859_1));
                Thread.sleep(5);
                bytes = Files.readAllBytes(statFile);
            }
            TaskStat stat = new TaskStat();
            ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
            assertTrue(stat.parse(direct, bytes.length));
            assertEquals('S', stat.state, "not the R inside the name");
            String[] after = new String(bytes, StandardCharsets.ISO_8859_1).substring(
                new String(bytes, StandardCharsets.ISO_8859_1).lastIndexOf(')') + 2).split(" ");
            assertEquals(Long.parseLong(after[11]), stat.utime);
            assertEquals(Long.parseLong(after[12]), stat.stime);
            assertEquals(Long.parseLong(after[19]), stat.startTime);
            assertEquals(ProcessHandle.current().pid(), stat.ppid);
        } finally {
            p.destroyForcibly().waitFor();
        }
    }
}
