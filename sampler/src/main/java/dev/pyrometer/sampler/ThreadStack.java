package dev.pyrometer.sampler;

import java.util.List;

/**
 * One thread of a snapshot, as {@code pyrometer dump} prints it.
 *
 * @param osThreadId     the kernel's thread id (0 if unknown)
 * @param pythonThreadId {@code threading.get_ident()}
 * @param name           the Python thread name, or null when unknown
 * @param running        the OS had it running or runnable
 * @param ownsGil        it held the GIL
 * @param inCall         its innermost frame was inside a call into C code
 * @param frames         innermost first
 */
public record ThreadStack(long osThreadId, long pythonThreadId, String name, boolean running, boolean ownsGil,
                         boolean inCall, List<StackFrame> frames) {}
