package dev.pyrometer.sampler.memory;

import com.sun.jna.Memory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A small /proc file opened once and re-read from offset 0 with one {@code pread} per sample (the kernel
 * regenerates it on each read): one system call instead of open, read and close.
 */
public final class KeptOpenFile implements AutoCloseable {
    private final String path;
    private final Memory data;
    private final ByteBuffer bytes;
    private int fd;
    private int lastError;

    private KeptOpenFile(String path, int fd, int capacity) {
        this.path = path;
        this.fd = fd;
        this.data = new Memory(capacity);
        this.bytes = data.getByteBuffer(0, capacity).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Opens {@code path}; returns null if it cannot be opened (the process or thread is gone). */
    public static KeptOpenFile open(String path, int capacity) {
        int fd = Libc.open(path, Libc.O_RDONLY | Libc.O_CLOEXEC);
        return fd < 0 ? null : new KeptOpenFile(path, fd, capacity);
    }

    /** Reads the whole file again; returns the number of bytes (view them with {@link #bytes()}), or -1. */
    public int reread() {
        long n = Libc.pread(fd, data, data.size(), 0);
        if (n < 0) lastError = Libc.errno();
        return (int) n;
    }

    public ByteBuffer bytes() {
        return bytes;
    }

    public int lastError() {
        return lastError;
    }

    public String path() {
        return path;
    }

    @Override
    public void close() {
        if (fd >= 0) {
            Libc.close(fd);
            fd = -1;
        }
        data.close();
    }
}
