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
}
