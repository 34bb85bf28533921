package dev.wslnet.model;

import java.util.Objects;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * What one kind of resource reads from a document: its part of a desired-state file, or its part of
 * a host's observation. The kind that defines a section is the only code that knows its shape; a
 * document reads each section once (see {@link DesiredState#section} and {@link
 * ObservedState#section}). Sections compare by identity: each is a constant of its kind.
 *
 * @param <T> what the section holds, as the kind's own values
 */
public final class Section<T> {
  private final String name;
  private final Function<JsonNode, T> read;

  /**
   * @param name what the section is, for messages
   * @param read reads the section from the whole document
   */
  public Section(String name, Function<JsonNode, T> read) {
    this.name = Objects.requireNonNull(name, "name");
    this.read = Objects.requireNonNull(read, "read");
  }

  T read(JsonNode document) {
    return read.apply(document);
  }

  @Override
  public String toString() {
    return name;
  }
}
