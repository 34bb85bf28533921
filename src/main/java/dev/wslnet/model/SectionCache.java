package dev.wslnet.model;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/** The sections of one document, each read once, when it is first asked for. */
final class SectionCache {
  private final JsonNode document;
  private final Map<Section<?>, Object> read = new ConcurrentHashMap<>();

  SectionCache(JsonNode document) {
    this.document = document;
  }

  JsonNode document() {
    return document;
  }

  /**
   * The section's value. The one unchecked cast of the heterogeneous container: each value was
   * stored under the section whose reader made it, so it has that section's type.
   */
  @SuppressWarnings("unchecked")
  <T> T get(Section<T> section) {
    return (T) read.computeIfAbsent(section, key -> key.read(document));
  }
}
