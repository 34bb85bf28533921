package dev.wslnet.wslconfig;

/** A section header WSL accepted, and the offset of its {@code [} in the text. */
public record SectionHeader(String name, int offset) {}
