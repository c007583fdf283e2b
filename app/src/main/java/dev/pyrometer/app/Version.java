package dev.pyrometer.app;

import picocli.CommandLine.IVersionProvider;

/** The version shown by {@code --version}, the window title and session metadata. */
public final class Version implements IVersionProvider {
    public static final String NUMBER = readNumber();

    private static String readNumber() {
        String fromJar = Version.class.getPackage().getImplementationVersion();
        return fromJar != null ? fromJar : "0.1.0-SNAPSHOT";
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "Pyrometer " + NUMBER,
            "Java " + Runtime.version() + " (" + System.getProperty("java.vm.vendor") + "), "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch")
        };
    }
}
