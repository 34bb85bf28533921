package dev.wslnet.planfile;

import dev.wslnet.config.DesiredStateFile;
import dev.wslnet.plan.Plan;
import dev.wslnet.render.plan.PlanJson;
import dev.wslnet.resource.Address;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * What a saved plan holds that apply needs: the desired state it was made from, the fingerprints of
 * what it saw, the host it was made for, and the changes that were reviewed.
 */
public record SavedPlan(
    Path path,
    String source,
    DesiredStateFile desired,
    Map<String, String> fingerprints,
    String hostName,
    JsonNode changes) {

  public SavedPlan {
    fingerprints = Map.copyOf(fingerprints);
  }

  /** A plan is applied to the host it was made for, or not at all. */
  public void refuseOnAnotherHost(String hostName) {
    if (!this.hostName.equals(hostName)) {
      throw new PlanFileException(
          "the saved plan "
              + path
              + " was made for "
              + PlanFile.printable(this.hostName)
              + ", not for "
              + hostName
              + "; plan again for this host");
    }
  }

  /** A plan is applied to the host as it was when the plan was made, or not at all. */
  public void refuseIfStale(Map<Address, String> now) {
    Set<String> moved = movedSince(now);
    if (!moved.isEmpty()) {
      throw new PlanFileException(
          "the saved plan "
              + path
              + " is stale: the host changed since it was made ("
              + String.join(", ", moved)
              + "). Run `wslnet plan --out "
              + path
              + "` again");
    }
  }

  /**
   * The host is as it was, so the saved desired state gives the saved changes, unless the file was
   * edited: what is applied is exactly what was reviewed, or nothing.
   */
  public void refuseIfEdited(Plan now) {
    if (!PlanJson.plan(now).path("changes").equals(changes)) {
      throw new PlanFileException(
          "the saved plan "
              + path
              + " does not hold the changes its own desired state gives on this host: the file"
              + " was edited. Plan again, review, and apply the new plan");
    }
  }

  /**
   * The addresses whose fingerprints differ now, or that appeared or went, in order. The file keeps
   * each address as its text, which is how the two are matched.
   */
  Set<String> movedSince(Map<Address, String> now) {
    Map<String, String> current = new TreeMap<>();
    now.forEach((address, fingerprint) -> current.put(address.text(), fingerprint));
    Set<String> addresses = new TreeSet<>(fingerprints.keySet());
    addresses.addAll(current.keySet());
    Set<String> moved = new TreeSet<>();
    for (String address : addresses) {
      if (!Objects.equals(fingerprints.get(address), current.get(address))) {
        moved.add(address);
      }
    }
    return moved;
  }
}
