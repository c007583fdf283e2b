package dev.pyrometer.app.ui.editor;

import dev.pyrometer.app.ui.common.UiSettings;

/**
 * The user's editor: which kind, and for a custom one its command, e.g. {@code idea --line {line} {file}}.
 * Stored in the desktop settings.
 */
public record EditorPreferences(EditorChoice choice, String customCommand) {
    public static final EditorPreferences DEFAULT = new EditorPreferences(EditorChoice.AUTOMATIC, "");

    public EditorPreferences {
        customCommand = customCommand == null ? "" : customCommand.strip();
    }

    public static EditorPreferences load(UiSettings settings) {
        return new EditorPreferences(EditorChoice.parse(settings.get("editor.choice", "AUTOMATIC")),
            settings.get("editor.command", ""));
    }

    public void save(UiSettings settings) {
        settings.put("editor.choice", choice.name());
        settings.put("editor.command", customCommand);
    }
}
