package dev.pyrometer.app.cli;

import dev.pyrometer.model.Profile;
import dev.pyrometer.model.interchange.CollapsedWriter;
import java.io.IOException;
import java.io.OutputStream;

/**
 * One way {@code pyrometer record} can write a recording. Each format is a small strategy chosen by {@code -f} or
 * the output file's extension ({@link OutputFormats}).
 */
public interface OutputFormat {
    /** The name {@code -f} takes. */
    String name();

    /** The usual file extension, with its dot. */
    String extension();

    /** Writes the recording; returns how many samples were written. */
    long write(Profile profile, CollapsedWriter.Options options, OutputStream out) throws IOException;
}
