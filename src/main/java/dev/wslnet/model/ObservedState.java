package dev.wslnet.model;

import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * What a host holds now, as far as wslnet manages it: the facts about the host, .wslconfig, and the
 * host's observation document, which each kind reads its own section of, in Windows' forms.
 */
public final class ObservedState {
  private final HostFacts facts;
  private final String wslconfigPath;
  private final Optional<byte[]> wslconfig;
  private final SectionCache sections;

  /**
   * @param wslconfigPath where .wslconfig lives, as the host names it
   * @param wslconfig the file's bytes; empty when there is no .wslconfig
   * @param observation the script's observation document (portproxy values, firewall settings and
   *     rules, as Windows reports them). It becomes this state's own, not a copy: the caller hands
   *     over a document that nothing changes afterwards, as Observation hands over the one it has
   *     just parsed. Copying 10,000 observed rules took a twentieth of a plan.
   */
  public ObservedState(
      HostFacts facts, String wslconfigPath, Optional<byte[]> wslconfig, JsonNode observation) {
    this.facts = Objects.requireNonNull(facts, "facts");
    this.wslconfigPath = Objects.requireNonNull(wslconfigPath, "wslconfigPath");
    this.wslconfig = Objects.requireNonNull(wslconfig, "wslconfig");
    this.sections = new SectionCache(Objects.requireNonNull(observation, "observation"));
  }

  public HostFacts facts() {
    return facts;
  }

  public String wslconfigPath() {
    return wslconfigPath;
  }

  public Optional<byte[]> wslconfig() {
    return wslconfig;
  }

  /** What the host holds of one kind, read once from the observation document. */
  public <T> T section(Section<T> section) {
    return sections.get(section);
  }
}
