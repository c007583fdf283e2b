package dev.pyrometer.app.ui.source;

/** One entry of a file's hottest lines: the line, its samples, and its text for the list. */
public record HotLine(int line, int self, int total, String text) {}
