package dev.pyrometer.model.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ModulesTest {
    @Test
    void modulesComeFromInstallDirsTheStandardLibraryOrTheDirectory() {
        assertEquals("numpy", Modules.of("/venv/lib/python3.11/site-packages/numpy/core/fromnumeric.py"));
        assertEquals("six", Modules.of("/usr/lib/python3/dist-packages/six.py"));
        assertEquals("json", Modules.of("/usr/lib/python3.11/json/decoder.py"));
        assertEquals("threading", Modules.of("/root/.pyenv/versions/3.11.7/lib/python3.11/threading.py"));
        assertEquals("importlib", Modules.of("<frozen importlib._bootstrap>"));
        assertEquals("<string>", Modules.of("<string>"));
        assertEquals("certifi", Modules.of("certifi/core.py"));
        assertEquals("threading", Modules.of("threading.py"));
        assertEquals("/srv/app/models", Modules.of("/srv/app/models/user.py"));
        assertEquals("asyncio", Modules.of("C:\\Python311\\Lib\\asyncio\\events.py"));
        assertEquals("<unknown>", Modules.of(""));
    }

    @Test
    void libraryFilesHaveOnePathUnderEveryPython() {
        assertEquals("<stdlib>/json/decoder.py", Modules.portable("/root/.pyenv/versions/3.8.18/lib/python3.8/json/decoder.py"));
        assertEquals("<stdlib>/json/decoder.py", Modules.portable("/usr/lib/python3.13/json/decoder.py"));
        assertEquals("<site-packages>/numpy/core/x.py", Modules.portable("/venv/lib/python3.11/site-packages/numpy/core/x.py"));
        assertEquals("<site-packages>/six.py", Modules.portable("/usr/lib/python3/dist-packages/six.py"));
        assertEquals("/srv/app/models/user.py", Modules.portable("/srv/app/models/user.py"));
        assertEquals("<frozen runpy>", Modules.portable("<frozen runpy>"));
    }
}
