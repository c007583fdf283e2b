package dev.pyrometer.model.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FrameRefTest {
    @Test
    void aSearchLooksAtTheFunctionAndTheFilesOwnNameNotItsFolders() {
        // Seen in CI: a checkout under /check/work/main made a search for "main" match <module> of every file.
        assertEquals("<module> (deep_demo.py:50)", FrameRef.line("/check/work/main/deep_demo.py", "<module>", 50).searchText());
        assertEquals("main (app.py)", FrameRef.function("/home/main/app.py", "main").searchText());
        assertEquals("work (app.py)", FrameRef.function("C:\\main\\app.py", "work").searchText());
        assertEquals("/check/work/main/app.py", FrameRef.file("/check/work/main/app.py").searchText(),
            "a file is found by its whole path, which is what it shows");
        assertEquals("numpy", FrameRef.module("numpy").searchText());
        assertEquals("deep", FrameRef.function("", "deep").searchText(), "a folded frame without a file");
    }
}
