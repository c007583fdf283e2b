package dev.pyrometer.model;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Exit codes of the problems files cause, so scripts can tell them apart (the sampler's own codes are 3 to 9 and 14).
 * Messages are one sentence naming the file; front ends print them after {@code pyrometer: }.
 */
public final class FileErrors {
    /** The file does not exist, is a directory, or cannot be read. */
    public static final int UNREADABLE = 10;
    /** The file is empty, not a profile, or damaged where nothing can be recovered. */
    public static final int BAD_INPUT = 11;
    /** A session written by a newer Pyrometer. */
    public static final int NEWER_VERSION = 12;
    /** The output cannot be written (missing folder, permissions, disk full). */
    public static final int UNWRITABLE = 13;

    private FileErrors() {}

    public static PyrometerException unreadable(String message, Throwable cause) {
        return new PyrometerException(message, UNREADABLE, cause);
    }

    public static PyrometerException badInput(String message) {
        return new PyrometerException(message, BAD_INPUT, null);
    }

    public static PyrometerException badInput(String message, Throwable cause) {
        return new PyrometerException(message, BAD_INPUT, cause);
    }

    public static PyrometerException unwritable(String message, Throwable cause) {
        return new PyrometerException(message, UNWRITABLE, cause);
    }

    /** Why an I/O operation on {@code file} failed, in words: "the folder /x does not exist", "permission denied". */
    public static String reason(IOException e, Path file) {
        Path folder = file.toAbsolutePath().getParent();
        if (folder != null && !Files.isDirectory(folder)) return "the folder " + folder + " does not exist";
        String message = e.getMessage() == null ? "" : e.getMessage();
        return switch (e) {
            case NoSuchFileException missing -> "it does not exist";
            case AccessDeniedException denied -> "permission denied";
            case FileNotFoundException notOpened when message.endsWith("(Permission denied)") -> "permission denied";
            case FileNotFoundException notOpened when message.endsWith("(Is a directory)") -> "it is a directory";
            // "/x/y.pyro (Read-only file system)": the reason in brackets, as a sentence part
            case FileNotFoundException notOpened when message.endsWith(")") && message.contains(" (") ->
                message.substring(message.lastIndexOf(" (") + 2, message.length() - 1).toLowerCase(java.util.Locale.ROOT);
            case FileSystemException other when other.getReason() != null -> other.getReason().toLowerCase(java.util.Locale.ROOT);
            default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        };
    }
}
