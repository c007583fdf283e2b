package dev.pyrometer.app.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a source file the way the source pane and {@code pyrometer report} show it. No UI: the command line uses it. */
public final class SourceText {
    /** Larger files are shown as missing rather than freezing the editor (generated code, minified bundles). */
    public static final long MAX_BYTES = 8L << 20;

    private SourceText() {}

    /** UTF-8 as Python reads it; undecodable bytes (a Latin-1 file) fall back to Latin-1 rather than failing. Null when unreadable. */
    public static String read(Path path) {
        try {
            if (Files.size(path) > MAX_BYTES) return null;
            byte[] bytes = Files.readAllBytes(path);
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException notUtf8) {
                text = new String(bytes, StandardCharsets.ISO_8859_1);
            }
            return text.replace("\r\n", "\n").replace('\r', '\n');
        } catch (IOException e) {
            return null;
        }
    }
}
