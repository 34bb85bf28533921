package dev.wslnet.planfile;

import dev.wslnet.config.DesiredStateFile;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * What a saved plan holds that apply needs: the desired state it was made from, the fingerprints of
 * what it saw, the host it was made for, and the changes that were reviewed.
 */
public record SavedPlan(
    String source,
    DesiredStateFile desired,
    Map<String, String> fingerprints,
    String hostName,
    JsonNode changes) {

  public SavedPlan {
    fingerprints = Map.copyOf(fingerprints);
  }

  /** The addresses whose fingerprints differ now, or that appeared or went, in order. */
  public Set<String> movedSince(Map<String, String> now) {
    Set<String> addresses = new TreeSet<>(fingerprints.keySet());
    addresses.addAll(now.keySet());
    Set<String> moved = new TreeSet<>();
    for (String address : addresses) {
      if (!Objects.equals(fingerprints.get(address), now.get(address))) {
        moved.add(address);
      }
    }
    return moved;
  }
}
