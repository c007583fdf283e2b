package dev.pyrometer.app.ui.editor;

/** Which editor opens a frame's file at its line (Preferences). */
public enum EditorChoice {
    /** {@code $VISUAL}, else {@code $EDITOR}, else VS Code when {@code code} is installed, else the desktop's default. */
    AUTOMATIC("Automatic: $VISUAL, $EDITOR, VS Code, else the desktop's default"),
    /** {@code $VISUAL} or {@code $EDITOR}, with the form its program understands ({@code vim +LINE FILE}). */
    ENVIRONMENT("$VISUAL / $EDITOR"),
    /** {@code code -g FILE:LINE}. */
    VSCODE("VS Code (code -g FILE:LINE)"),
    /** {@code xdg-open FILE}: the desktop's application for Python files (it cannot be told the line). */
    DESKTOP("The desktop's default application (xdg-open)"),
    /** A command of the user's, with {@code {file}} and {@code {line}} in it. */
    CUSTOM("Custom command");

    private final String label;

    EditorChoice(String label) {
        this.label = label;
    }

    /** The stored name, or AUTOMATIC for anything unknown. */
    public static EditorChoice parse(String name) {
        for (EditorChoice c : values()) if (c.name().equalsIgnoreCase(name)) return c;
        return AUTOMATIC;
    }

    @Override
    public String toString() {
        return label;
    }
}
