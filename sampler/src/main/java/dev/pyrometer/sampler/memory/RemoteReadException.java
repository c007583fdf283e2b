package dev.pyrometer.sampler.memory;

/** A read of the target's memory failed; {@link #errno()} says why (ESRCH: the process is gone). */
public final class RemoteReadException extends RuntimeException {
    private final long address;
    private final int errno;

    public RemoteReadException(long address, int errno) {
        super("cannot read 0x" + Long.toHexString(address) + " (errno " + errno + ")", null, false, false);
        this.address = address;
        this.errno = errno;
    }

    public long address() {
        return address;
    }

    public int errno() {
        return errno;
    }
}
