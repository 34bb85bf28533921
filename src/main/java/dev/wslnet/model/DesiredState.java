package dev.wslnet.model;

import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * What a desired-state file says: its validated document, which each kind reads its own section of.
 * Absent sections are not managed at all.
 */
public final class DesiredState {
  private final SectionCache sections;

  /**
   * @param document a document that validation found no error in. It becomes this state's own, not
   *     a copy, as an observed state's document does: the caller hands over a document that nothing
   *     changes afterwards (the validator, the one it has just loaded and checked).
   */
  public DesiredState(JsonNode document) {
    this.sections = new SectionCache(Objects.requireNonNull(document, "document"));
  }

  /** What the file declares of one kind, read once. */
  public <T> T section(Section<T> section) {
    return sections.get(section);
  }

  /**
   * The group whose Windows firewall rules this file manages, if any: every observation of the host
   * is scoped to it, so that no other rule is read.
   */
  public Optional<String> managedGroup() {
    JsonNode group = sections.document().path("windowsFirewall").path("group");
    return group.isString() ? Optional.of(group.asString()) : Optional.empty();
  }
}
