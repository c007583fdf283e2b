package dev.pyrometer.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Atomic writes: all or nothing, never over a folder, and files as readable as any other the user creates. */
class AtomicFilesTest {
    @TempDir Path dir;

    @Test
    void writesTheWholeContent() throws IOException {
        Path target = dir.resolve("out.txt");
        AtomicFiles.write(target, out -> out.write(new byte[] {1, 2, 3}));
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(target));
        assertEquals(1, listed(), "no temporary file is left behind");
    }

    @Test
    void aFailureLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("out.txt");
        Files.writeString(target, "old");
        assertThrows(IllegalStateException.class, () -> AtomicFiles.write(target, out -> {
            out.write(1);
            throw new IllegalStateException("writer bug");
        }));
        assertEquals("old", Files.readString(target));
        assertEquals(1, listed());
    }

    @Test
    void anEmptyFolderIsNotReplacedByTheFile() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("results"));
        PyrometerException e = assertThrows(PyrometerException.class, () -> AtomicFiles.write(folder, out -> out.write(1)));
        assertEquals(FileErrors.UNWRITABLE, e.exitCode());
        assertEquals("cannot write " + folder + ": it is a directory.", e.getMessage());
        assertTrue(Files.isDirectory(folder));
        assertEquals(1, listed());
    }

    @Test
    void aFolderWithFilesGivesTheSameClearMessage() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("results"));
        Files.writeString(folder.resolve("keep.txt"), "keep");
        PyrometerException e = assertThrows(PyrometerException.class, () -> AtomicFiles.write(folder, out -> out.write(1)));
        assertEquals("cannot write " + folder + ": it is a directory.", e.getMessage());
    }

    @Test
    void aNewFileGetsTheUsualPermissionsNotPrivateOnes() throws IOException {
        // What a plain FileOutputStream creates under the current umask, as the session recorder does.
        Path plain = dir.resolve("plain.txt");
        Files.newOutputStream(plain).close();
        Path target = dir.resolve("out.txt");
        AtomicFiles.write(target, out -> out.write(1));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(target));
    }

    @Test
    void aReplacedFileKeepsItsPermissions() throws IOException {
        Path target = dir.resolve("shared.svg");
        Files.writeString(target, "old");
        Set<PosixFilePermission> shared = PosixFilePermissions.fromString("rw-rw-r--");
        Files.setPosixFilePermissions(target, shared);
        AtomicFiles.write(target, out -> out.write(1));
        assertEquals(shared, Files.getPosixFilePermissions(target));
    }

    private long listed() throws IOException {
        try (var files = Files.list(dir)) {
            return files.count();
        }
    }
}
