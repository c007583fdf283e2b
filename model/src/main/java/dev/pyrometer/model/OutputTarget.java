package dev.pyrometer.model;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What an output path names, and so how to write it. A regular file (or none yet) is replaced atomically
 * ({@link AtomicFiles}); a symbolic link is followed to what it points to (a link to a file gets that file replaced,
 * and stays a link); a device, FIFO or anything else that is not a regular file is written through in place, since
 * renaming a new file over {@code /dev/null} or a pipe would destroy it rather than write to it. Every write and the
 * close are checked, so a full device ({@code /dev/full}) fails rather than reporting success.
 *
 * @param path         the path to write: {@code target} with every symbolic link followed, absolute
 * @param writeThrough true when {@link #path} exists and is not a regular file: open it and write, no rename
 */
public record OutputTarget(Path path, boolean writeThrough) {
    /** Links followed at most (the kernel's own limit): a longer chain is a loop. */
    private static final int MAX_LINKS = 40;

    /** Resolves {@code target}: follows its links, even one whose file does not exist yet. */
    public static OutputTarget of(Path target) throws IOException {
        Path path = target.toAbsolutePath();
        for (int links = 0; Files.isSymbolicLink(path); links++) {
            if (links == MAX_LINKS) throw new FileSystemException(target.toString(), null, "too many levels of symbolic links");
            path = path.getParent().resolve(Files.readSymbolicLink(path));
        }
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) return new OutputTarget(path, false);
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        return new OutputTarget(path, !attributes.isRegularFile() && !attributes.isDirectory());
    }

    /** Writes straight into {@link #path} (a device or a FIFO): flushed and closed, every failure thrown. */
    void writeThrough(AtomicFiles.Content content) throws IOException {
        // A plain stream, not a FileChannel: interrupting a thread that writes through a channel closes it.
        try (FileOutputStream file = new FileOutputStream(path.toFile());
             OutputStream out = new BufferedOutputStream(file, 1 << 16)) {
            content.writeTo(out);
            out.flush();
        }
    }
}
