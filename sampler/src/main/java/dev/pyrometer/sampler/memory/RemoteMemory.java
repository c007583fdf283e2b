package dev.pyrometer.sampler.memory;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads another process's memory with {@code process_vm_readv} into one native buffer that is allocated once.
 *
 * <p>Two ways to read: {@link #read} copies one range; a batch ({@link #beginBatch}, {@link #add}, {@link #readBatch})
 * copies many ranges in a single system call. Results are read through {@link #buffer()}, a little-endian direct
 * view of the native buffer, so field access costs no native call. Nothing here allocates after construction;
 * it is not thread-safe (one reader per sampling thread).
 */
public final class RemoteMemory implements AutoCloseable {
    private static final int IOVEC_BYTES = 16;
    /** Linux's IOV_MAX. */
    public static final int MAX_BATCH = 1024;

    private final int pid;
    private final int capacity;
    private final Memory data;
    private final ByteBuffer buffer;
    private final Memory localIov = new Memory((long) MAX_BATCH * IOVEC_BYTES);
    private final Memory remoteIov = new Memory((long) MAX_BATCH * IOVEC_BYTES);
    // Direct views of the iovec arrays: filling them costs no JNI call (Memory.setLong would, per field).
    private final ByteBuffer local = localIov.getByteBuffer(0, localIov.size()).order(ByteOrder.nativeOrder());
    private final ByteBuffer remote = remoteIov.getByteBuffer(0, remoteIov.size()).order(ByteOrder.nativeOrder());
    private final long dataAddress;
    private final long localIovAddress = Pointer.nativeValue(localIov);
    private final long remoteIovAddress = Pointer.nativeValue(remoteIov);
    private int batchCount;
    private int batchEnd;
    private int lastError;

    public RemoteMemory(int pid, int capacity) {
        this.pid = pid;
        this.capacity = capacity;
        this.data = new Memory(capacity);
        this.buffer = data.getByteBuffer(0, capacity).order(ByteOrder.LITTLE_ENDIAN);
        this.dataAddress = Pointer.nativeValue(data);
    }

    public int pid() {
        return pid;
    }

    public int capacity() {
        return capacity;
    }

    /** The buffer every read lands in (absolute gets only; its position and limit mean nothing). */
    public ByteBuffer buffer() {
        return buffer;
    }

    /** errno of the last failed read: {@link Libc#ESRCH} when the process is gone, EPERM without rights, EFAULT... */
    public int lastError() {
        return lastError;
    }

    /**
     * Copies {@code length} bytes at {@code address} in the target to {@code buffer()[at..]}; true if all arrived.
     * A range outside the buffer (a negative {@code at}, or past its end) reads nothing: EFAULT.
     */
    public boolean read(long address, int length, int at) {
        if (address == 0 || length <= 0 || at < 0 || at > capacity - length) {
            lastError = Libc.EFAULT;
            return false;
        }
        local.putLong(0, dataAddress + at);
        local.putLong(8, length);
        remote.putLong(0, address);
        remote.putLong(8, length);
        long n = Libc.process_vm_readv(pid, localIovAddress, 1, remoteIovAddress, 1, 0);
        if (n == length) return true;
        lastError = n < 0 ? Libc.errno() : Libc.EFAULT;
        return false;
    }

    /** Starts a batch whose ranges are laid out one after another from {@code buffer()[at]}. */
    public void beginBatch(int at) {
        batchCount = 0;
        batchEnd = at;
    }

    /**
     * Queues a range; returns where in the buffer it will land, or -1 if the batch or the buffer is full
     * (the caller then reads the batch and starts another).
     */
    public int add(long address, int length) {
        if (batchCount == MAX_BATCH || batchEnd + length > capacity || length <= 0) return -1;
        int at = batchEnd;
        int slot = batchCount * IOVEC_BYTES;
        local.putLong(slot, dataAddress + at);
        local.putLong(slot + 8, length);
        remote.putLong(slot, address);
        remote.putLong(slot + 8, length);
        batchCount++;
        batchEnd += length;
        return at;
    }

    /**
     * Reads the queued ranges in one call. The kernel stops at the first range it cannot read, so a range is
     * valid when {@code its buffer offset + length <= start + the returned count}; returns -1 on failure.
     */
    public long readBatch() {
        return readBatchFrom(0);
    }

    /**
     * Reads the queued ranges from the {@code first}-th on (to go on past a range that could not be read); counts
     * as {@link #readBatch()} does, from that range's buffer offset.
     */
    public long readBatchFrom(int first) {
        int n = batchCount - first;
        if (n <= 0) return 0;
        long offset = (long) first * IOVEC_BYTES;
        long got = Libc.process_vm_readv(pid, localIovAddress + offset, n, remoteIovAddress + offset, n, 0);
        if (got < 0) lastError = Libc.errno();
        return got;
    }

    /** Ranges queued in the current batch. */
    public int batchCount() {
        return batchCount;
    }

    // A convenience read for attach-time code (not the hot path): it uses the top of the buffer as scratch.

    public byte[] readBytes(long address, int length) {
        byte[] out = new byte[length];
        int chunk = Math.min(capacity, 1 << 16);
        for (int done = 0; done < length; done += chunk) {
            int n = Math.min(chunk, length - done);
            int at = capacity - chunk;
            if (!read(address + done, n, at)) throw new RemoteReadException(address + done, lastError);
            buffer.get(at, out, done, n);
        }
        return out;
    }

    @Override
    public void close() {
        data.close();
        localIov.close();
        remoteIov.close();
    }
}
