package dev.pyrometer.app.cli;

import dev.pyrometer.model.Profile;
import dev.pyrometer.model.interchange.CollapsedWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** py-spy's raw collapsed stacks ({@code frame;frame;… count}), which flamegraph.pl and speedscope read. */
final class CollapsedFormat implements OutputFormat {
    @Override
    public String name() {
        return "collapsed";
    }

    @Override
    public String extension() {
        return ".txt";
    }

    @Override
    public long write(Profile profile, CollapsedWriter.Options options, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        long written = CollapsedWriter.write(profile, options, writer);
        writer.flush();
        return written;
    }
}
