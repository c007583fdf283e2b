package dev.pyrometer.app.cli;

import dev.pyrometer.model.PyrometerException;

/** A mistake on the command line that picocli cannot catch (an unknown format, a bad option value). */
final class UsageError {
    /** The exit code picocli gives its own usage errors. */
    static final int EXIT_CODE = 2;

    private UsageError() {}

    /** The error, one sentence saying what is wrong and what to give instead. */
    static PyrometerException of(String message) {
        return new PyrometerException(message, EXIT_CODE, null);
    }

    /** py-spy's pair of flags for pausing the target (record, dump): one or the other, not both. */
    static void checkPauseFlags(boolean blocking, boolean nonblocking) {
        if (blocking && nonblocking) throw of("give --blocking or --nonblocking, not both.");
    }

    /** --native holds the threads still to read their registers; --native-plumbing only means something with it. */
    static void checkNativeFlags(boolean nativeFrames, boolean nonblocking, boolean plumbing) {
        if (nativeFrames && nonblocking) {
            throw of("--native holds each thread still (ptrace) to read its registers: leave --nonblocking out.");
        }
        if (plumbing && !nativeFrames) throw of("--native-plumbing shows more native frames: give it with --native.");
    }
}
