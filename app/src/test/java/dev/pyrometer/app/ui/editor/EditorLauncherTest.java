package dev.pyrometer.app.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyrometer.app.source.PathMapping;
import dev.pyrometer.app.ui.support.FakeEditors;
import dev.pyrometer.model.PyrometerException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each way of naming an editor gives the command its program understands, and really starts it (fake editors record their arguments). */
class EditorLauncherTest {
    @TempDir
    Path dir;
    private FakeEditors fakes;
    private Path file;

    @BeforeEach
    void setUp() throws Exception {
        fakes = new FakeEditors(dir, "code", "vim", "gedit", "xdg-open", "x-terminal-emulator", "idea", "subl");
        file = Files.writeString(Files.createDirectories(dir.resolve("my project")).resolve("app.py"), "print(1)\n");
    }

    private List<String> open(EditorPreferences preferences, Map<String, String> env, int line) throws Exception {
        new EditorLauncher(() -> preferences, env).start(file, line);
        return null;
    }

    private String bin(String name) {
        return fakes.bin.resolve(name).toString();
    }

    @Test
    void visualWinsOverEditorAndTakesPlusLine() throws Exception {
        open(EditorPreferences.DEFAULT, fakes.env("VISUAL", "gedit --new-window", "EDITOR", "vim"), 18);
        assertEquals(List.of(bin("gedit"), "--new-window", "+18", file.toString()), fakes.awaitCall("gedit"));
    }

    @Test
    void aTerminalEditorOpensInATerminal() throws Exception {
        open(EditorPreferences.DEFAULT, fakes.env("EDITOR", "vim"), 7);
        assertEquals(List.of(bin("x-terminal-emulator"), "-e", bin("vim"), "+7", file.toString()), fakes.awaitCall("x-terminal-emulator"));
    }

    @Test
    void vsCodeGoesToFileColonLine() throws Exception {
        open(new EditorPreferences(EditorChoice.VSCODE, ""), fakes.env("EDITOR", "vim"), 42);
        assertEquals(List.of(bin("code"), "-g", file + ":42"), fakes.awaitCall("code"));
        // $EDITOR="code --wait" (common for git) also gets -g, without waiting.
        open(new EditorPreferences(EditorChoice.ENVIRONMENT, ""), fakes.env("EDITOR", "code --wait"), 3);
        assertEquals(List.of(bin("code"), "-g", file + ":3"), fakes.awaitCall("code"));
        // Nothing set: VS Code when it is installed.
        open(EditorPreferences.DEFAULT, fakes.env(), 5);
        assertEquals(List.of(bin("code"), "-g", file + ":5"), fakes.awaitCall("code"));
    }

    @Test
    void otherEditorsGetTheirOwnForms() throws Exception {
        open(new EditorPreferences(EditorChoice.ENVIRONMENT, ""), fakes.env("VISUAL", "idea"), 9);
        assertEquals(List.of(bin("idea"), "--line", "9", file.toString()), fakes.awaitCall("idea"));
        open(new EditorPreferences(EditorChoice.ENVIRONMENT, ""), fakes.env("VISUAL", "subl"), 9);
        assertEquals(List.of(bin("subl"), file + ":9"), fakes.awaitCall("subl"));
    }

    @Test
    void theDesktopDefaultGetsTheFile() throws Exception {
        open(new EditorPreferences(EditorChoice.DESKTOP, ""), fakes.env("VISUAL", "vim"), 12);
        assertEquals(List.of(bin("xdg-open"), file.toString()), fakes.awaitCall("xdg-open"));
        Files.delete(fakes.bin.resolve("code"));
        open(EditorPreferences.DEFAULT, fakes.env(), 12);
        assertEquals(List.of(bin("xdg-open"), file.toString()), fakes.awaitCall("xdg-open"), "automatic, with nothing else");
    }

    @Test
    void aCustomCommandNamesTheFileAndLine() throws Exception {
        open(new EditorPreferences(EditorChoice.CUSTOM, "idea --line {line} '{file}'"), fakes.env(), 30);
        assertEquals(List.of(bin("idea"), "--line", "30", file.toString()), fakes.awaitCall("idea"));
        PyrometerException noFile = assertThrows(PyrometerException.class,
            () -> open(new EditorPreferences(EditorChoice.CUSTOM, "idea --line {line}"), fakes.env(), 1));
        assertTrue(noFile.getMessage().contains("{file}"), noFile.getMessage());
    }

    @Test
    void missingEditorsSayWhatToDo() {
        PyrometerException none = assertThrows(PyrometerException.class,
            () -> open(new EditorPreferences(EditorChoice.ENVIRONMENT, ""), fakes.env(), 1));
        assertTrue(none.getMessage().startsWith("Neither $VISUAL nor $EDITOR is set"), none.getMessage());
        PyrometerException noTerminal = assertThrows(PyrometerException.class, () -> {
            Files.delete(fakes.bin.resolve("x-terminal-emulator"));
            open(EditorPreferences.DEFAULT, fakes.env("EDITOR", "vim"), 1);
        });
        assertTrue(noTerminal.getMessage().contains("no terminal program was found"), noTerminal.getMessage());
    }

    @Test
    void recordedPathsAreMappedAndMissingOnesExplained() throws Exception {
        EditorLauncher launcher = new EditorLauncher(() -> new EditorPreferences(EditorChoice.VSCODE, ""), fakes.env());
        List<String> started = launcher.open("/srv/deployed/app.py", 4, 0, List.of(new PathMapping("/srv/deployed", file.getParent().toString())));
        assertEquals(List.of(bin("code"), "-g", file + ":4"), started);
        assertEquals(started, fakes.awaitCall("code"));
        PyrometerException missing = assertThrows(PyrometerException.class, () -> launcher.open("/srv/elsewhere/app.py", 4, 0, List.of()));
        assertTrue(missing.getMessage().contains("is not on this machine") && missing.getMessage().contains("Map path"), missing.getMessage());
    }
}
