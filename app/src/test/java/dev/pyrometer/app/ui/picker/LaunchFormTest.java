package dev.pyrometer.app.ui.picker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LaunchFormTest {

    @Test
    void splitsArgumentsLikeAShell() {
        assertEquals(List.of("app.py", "--name", "a b", "it's", "x\"y"),
            LaunchForm.splitArguments("app.py --name 'a b' \"it's\" x\\\"y"));
        assertEquals(List.of(), LaunchForm.splitArguments("   "));
        assertEquals(List.of(""), LaunchForm.splitArguments("''"));
    }

    @Test
    void readsEnvironmentLinesAndReportsProblemsInOneSentence() {
        LaunchForm.Result ok = LaunchForm.parse("python3", "app.py -v", "", "PYTHONHASHSEED=0\n# comment\nDEBUG=1\n");
        assertNull(ok.problem());
        assertEquals(List.of("python3", "app.py", "-v"), ok.spec().command());
        assertEquals(Map.of("PYTHONHASHSEED", "0", "DEBUG", "1"), ok.spec().environment());

        assertEquals("Enter the program to run, for example python3.", LaunchForm.parse(" ", "", "", "").problem());
        assertEquals("The arguments have an unclosed single quote.", LaunchForm.parse("python3", "'x", "", "").problem());
        assertEquals("Environment line 2 should read NAME=value.", LaunchForm.parse("python3", "", "", "A=1\nnonsense").problem());
        assertEquals("The working directory /no/such/dir does not exist.", LaunchForm.parse("python3", "", "/no/such/dir", "").problem());
    }
}
