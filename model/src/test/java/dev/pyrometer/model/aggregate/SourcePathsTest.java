package dev.pyrometer.model.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pyrometer.model.RunRoots;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Files named by their place under a run's roots, and, for runs without roots, under their common folder. */
class SourcePathsTest {
    private static final String STDLIB = "/root/.pyenv/versions/3.11.7/lib/python3.11";
    private static final String SITE = "/work/venv-a/lib/python3.11/site-packages";

    /** A program run from its checkout in a virtual environment, with PYTHONPATH=src. */
    private static final RunRoots CHECKOUT = new RunRoots(
        List.of("/work/v1/proj", "/work/v1/proj/src", "/root/.pyenv/versions/3.11.7/lib/python311.zip", STDLIB,
            STDLIB + "/lib-dynload", SITE),
        "/work/v1/proj/app.py", "/work/v1/proj", "/work/venv-a", "/root/.pyenv/versions/3.11.7", "/work/venv-a");

    @Test
    void filesAreNamedFromTheRootThatHoldsThem() {
        String core = "/work/v1/proj/src/app/core.py";
        SourcePaths paths = SourcePaths.of(CHECKOUT, List.of("/work/v1/proj/app.py", core));
        assertEquals("app.py", paths.relative("/work/v1/proj/app.py"));
        assertEquals("app", paths.module("/work/v1/proj/app.py"));
        assertEquals("mypkg/core.py", paths.relative("/work/v1/proj/mypkg/core.py"));
        assertEquals("mypkg.core", paths.module("/work/v1/proj/mypkg/core.py"));
        assertEquals("src/app/core.py", paths.relative(core), "named from the checkout, as its user sees it");
        assertEquals("app.core", paths.module(core), "imported from src");
        assertEquals("requests/api.py", paths.relative(SITE + "/requests/api.py"));
        assertEquals("requests.api", paths.module(SITE + "/requests/api.py"));
        assertEquals("json/decoder.py", paths.relative(STDLIB + "/json/decoder.py"));
        assertEquals("json.decoder", paths.module(STDLIB + "/json/decoder.py"));
        assertEquals("json", paths.module(STDLIB + "/json/__init__.py"));
        assertEquals("_json", paths.module(STDLIB + "/lib-dynload/_json.cpython-311-x86_64-linux-gnu.so"));
        assertEquals("app.py", paths.relative("app.py"), "a main script named as given on the command line (3.8)");
        assertEquals("app.py", paths.relative("./app.py"));
        assertEquals("<frozen importlib._bootstrap>", paths.relative("<frozen importlib._bootstrap>"));
        assertEquals("importlib._bootstrap", paths.module("<frozen importlib._bootstrap>"));
        assertEquals("/work/v1/proj", paths.projectRoot());
    }

    @Test
    void aVirtualEnvironmentInsideTheCheckoutIsALibraryNotTheProject() {
        String site = "/work/v1/proj/.venv/lib/python3.12/site-packages";
        RunRoots roots = new RunRoots(List.of("/work/v1/proj", site), "/work/v1/proj/app.py", "/work/v1/proj",
            "/work/v1/proj/.venv", "/usr", "/work/v1/proj/.venv");
        assertEquals("requests/api.py", SourcePaths.of(roots, List.of()).relative(site + "/requests/api.py"));
    }

    @Test
    void withoutRootsOwnFilesAreNamedFromTheirCommonFolder() {
        List<String> files = List.of("/srv/v2/proj/app.py", "/srv/v2/proj/mypkg/core.py", "/usr/lib/python3.11/json/decoder.py",
            "/venv/lib/python3.11/site-packages/requests/api.py", "<frozen runpy>");
        SourcePaths paths = SourcePaths.of(RunRoots.NONE, files);
        assertEquals("app.py", paths.relative("/srv/v2/proj/app.py"));
        assertEquals("mypkg/core.py", paths.relative("/srv/v2/proj/mypkg/core.py"));
        assertEquals("mypkg.core", paths.module("/srv/v2/proj/mypkg/core.py"));
        assertEquals("json/decoder.py", paths.relative("/usr/lib/python3.11/json/decoder.py"));
        assertEquals("requests/api.py", paths.relative("/venv/lib/python3.11/site-packages/requests/api.py"));
        assertEquals("/srv/v2/proj", paths.projectRoot());
        assertEquals("app.py", SourcePaths.of(RunRoots.NONE, List.of("/home/me/app.py")).relative("/home/me/app.py"),
            "one own file: its name");
        assertEquals("app/core.py", SourcePaths.of(RunRoots.NONE, List.of("app/core.py")).relative("app/core.py"),
            "an import's relative path as it is");
    }

    @Test
    void dottedNames() {
        assertEquals("a.b.c", SourcePaths.dotted("a/b/c.py"));
        assertEquals("a", SourcePaths.dotted("a/__init__.py"));
        assertEquals("__init__", SourcePaths.dotted("__init__.py"));
        assertEquals("m", SourcePaths.dotted("m.cpython-311-x86_64-linux-gnu.so"));
    }
}
