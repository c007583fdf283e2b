package dev.pyrometer.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs {@link Main} in a fresh JVM, as the launcher would, and collects what it printed. */
public record JvmRun(int exitCode, String stdout, String stderr) {

    public static JvmRun of(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = javaCommand();
        command.addAll(List.of(args));
        return run(command, env);
    }

    /** Runs a command line that starts Main itself (e.g. {@link #javaCommand()} behind a privilege wrapper). */
    public static JvmRun ofCommand(List<String> command) throws IOException, InterruptedException {
        return run(command, Map.of());
    }

    /** The command that starts Main in a fresh JVM, without arguments yet. */
    public static List<String> javaCommand() {
        String java = ProcessHandle.current().info().command().orElseThrow();
        return new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED",
            "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    }

    private static JvmRun run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(k -> k.equals("DISPLAY") || k.equals("WAYLAND_DISPLAY"));
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish");
        }
        return new JvmRun(process.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }
}
