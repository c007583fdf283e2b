package dev.pyrometer.sampler.errors;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Each rule that can forbid reading a process gets its own explanation and remedy. */
class PermissionAdviceTest {

    @Test
    void anotherUsersProcess() {
        String s = new PermissionAdvice(0, 1000, 0, false, false).explain();
        assertTrue(s.contains("belongs to root") && s.contains("sudo"), s);
    }

    @Test
    void yamaScopeOneAllowsOnlyChildren() {
        String s = new PermissionAdvice(1, 1000, 1000, false, false).explain();
        assertTrue(s.contains("ptrace_scope is 1") && s.contains("pyrometer record --"), s);
    }

    @Test
    void yamaScopeTwoNeedsTheCapability() {
        String s = new PermissionAdvice(2, 1000, 1000, true, false).explain();
        assertTrue(s.contains("ptrace_scope is 2") && s.contains("sudo"), s);
    }

    @Test
    void yamaScopeThreeForbidsEverything() {
        String s = new PermissionAdvice(3, 0, 0, true, true).explain();
        assertTrue(s.contains("ptrace_scope is 3"), s);
    }

    @Test
    void rootWithoutTheCapabilityIsAContainer() {
        String s = new PermissionAdvice(-1, 0, 65534, false, false).explain();
        assertTrue(s.contains("CAP_SYS_PTRACE") && s.contains("--cap-add SYS_PTRACE"), s);
    }

    @Test
    void otherwiseTheTargetRefuses() {
        String s = new PermissionAdvice(0, 1000, 1000, false, false).explain();
        assertTrue(s.contains("not dumpable"), s);
    }

    /** Root is never told to use sudo (issue 18): with or without the capability, whatever Yama's scope. */
    @Test
    void rootIsNeverToldToUseSudo() {
        for (int scope = -1; scope <= 3; scope++) {
            for (boolean cap : new boolean[] {false, true}) {
                for (boolean ancestor : new boolean[] {false, true}) {
                    String s = new PermissionAdvice(scope, 0, 0, ancestor, cap).explain();
                    assertFalse(s.contains("sudo"), scope + " " + cap + " " + ancestor + ": " + s);
                    assertTrue(s.contains("; "), "a reason, then what to do: " + s);
                }
            }
        }
    }
}
