package dev.pyrometer.model;

/** A profile read from a file, and how the reading went. */
public record Loaded(Profile profile, LoadReport report) {}
