package dev.pyrometer.sampler;

import dev.pyrometer.model.PyrometerException;
import dev.pyrometer.sampler.errors.SamplerErrors;

/** The target process exited while we were reading it. */
public final class TargetExitedException extends PyrometerException {
    public TargetExitedException(int pid) {
        super("process " + pid + " exited while Pyrometer was reading it.", SamplerErrors.TARGET_EXITED, null);
    }
}
