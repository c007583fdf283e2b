package dev.pyrometer.sampler.errors;

import dev.pyrometer.sampler.memory.Libc;
import dev.pyrometer.sampler.proc.ProcFiles;
import java.nio.file.Path;

/**
 * Explains why the kernel refused to let us read a process (EPERM from process_vm_readv) and what to do about it.
 * Reading needs ptrace rights: the same user, Yama's ptrace_scope allowing it, and a dumpable target; or
 * CAP_SYS_PTRACE.
 *
 * @param yamaScope    /proc/sys/kernel/yama/ptrace_scope, or -1 without Yama
 * @param ourUid       our effective uid
 * @param targetUid    the target's real uid
 * @param ancestor     we are the target's parent or an ancestor
 * @param capSysPtrace we hold CAP_SYS_PTRACE
 */
public record PermissionAdvice(int yamaScope, int ourUid, int targetUid, boolean ancestor, boolean capSysPtrace) {
    private static final long CAP_SYS_PTRACE_BIT = 1L << 19;

    /** The facts about the current process and {@code pid}, read from /proc. */
    public static PermissionAdvice about(int pid) {
        String scope = ProcFiles.text(Path.of("/proc/sys/kernel/yama/ptrace_scope"));
        String capEff = ProcFiles.status((int) ProcessHandle.current().pid(), "CapEff");
        boolean cap = capEff != null && (Long.parseUnsignedLong(capEff, 16) & CAP_SYS_PTRACE_BIT) != 0;
        return new PermissionAdvice(scope == null ? -1 : Integer.parseInt(scope.strip()), Libc.geteuid(),
            ProcFiles.uid(pid), isAncestor(pid), cap);
    }

    private static boolean isAncestor(int pid) {
        long self = ProcessHandle.current().pid();
        for (int p = ProcFiles.parentPid(pid), hops = 0; p > 1 && hops < 64; p = ProcFiles.parentPid(p), hops++) {
            if (p == self) return true;
        }
        return false;
    }

    /** The rule that applies, without what to do: the part of {@link #explain()} before its semicolon. */
    public String reason() {
        String all = explain();
        return all.substring(0, all.indexOf("; "));
    }

    /** The rule that applies and what to do ({@code why; what to do.}), as the end of one sentence. */
    public String explain() {
        String launch = "run the program under Pyrometer instead (`pyrometer record -- python3 app.py`)";
        if (ourUid != 0 && targetUid >= 0 && targetUid != ourUid && !capSysPtrace) {
            return "it belongs to " + ProcFiles.userName(targetUid) + " and you are " + ProcFiles.userName(ourUid)
                + "; run Pyrometer as that user or with sudo.";
        }
        if (yamaScope == 3) {
            return "Yama's kernel.yama.ptrace_scope is 3, which forbids reading any process until reboot;"
                + " set it to 1 or lower at boot (sysctl) to profile.";
        }
        if (ourUid == 0 && !capSysPtrace) {
            // Root already: sudo would change nothing, whatever Yama says; the capability is what is missing.
            return "Pyrometer runs as root but without CAP_SYS_PTRACE (in a container?); start the container with"
                + " --cap-add SYS_PTRACE, or " + launch + ".";
        }
        if (yamaScope == 2 && !capSysPtrace) {
            return "Yama's kernel.yama.ptrace_scope is 2, so only a process with CAP_SYS_PTRACE may read another;"
                + " run Pyrometer with sudo.";
        }
        if (yamaScope == 1 && !ancestor && !capSysPtrace) {
            return "Yama's kernel.yama.ptrace_scope is 1, so only a parent may read its children; " + launch
                + ", use sudo, or allow it with `sudo sysctl kernel.yama.ptrace_scope=0`.";
        }
        // Root with CAP_SYS_PTRACE already has every right sudo would give: no point suggesting it.
        return "the process does not allow it (it is not dumpable, or a security module such as SELinux or AppArmor"
            + " denies ptrace); " + launch + (ourUid == 0 && capSysPtrace ? "." : ", or use sudo.");
    }
}
