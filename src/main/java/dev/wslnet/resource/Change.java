package dev.wslnet.resource;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One planned change. As in Terraform: a create has no {@code before}, a delete no {@code after};
 * an update and a replace have both. {@code before} and {@code after} carry only the fields the
 * file declares. The reason is for people; what carrying it out takes never depends on it.
 */
public record Change(
    Address address,
    Action action,
    Optional<Resource> before,
    Optional<Resource> after,
    Optional<String> reason,
    Set<Need> needs) {

  public Change {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(reason, "reason");
    needs = Set.copyOf(needs);
    boolean hasBefore = before.isPresent();
    boolean hasAfter = after.isPresent();
    boolean consistent =
        switch (action) {
          case CREATE -> !hasBefore && hasAfter;
          case DELETE -> hasBefore && !hasAfter;
          case UPDATE, REPLACE -> hasBefore && hasAfter;
        };
    if (!consistent) {
      throw new IllegalArgumentException(
          action + " of " + address + " with before=" + before + ", after=" + after);
    }
  }

  public static Change create(Address address, Resource after, Set<Need> needs) {
    return new Change(
        address, Action.CREATE, Optional.empty(), Optional.of(after), Optional.empty(), needs);
  }

  public static Change update(
      Address address, Resource before, Resource after, Optional<String> reason, Set<Need> needs) {
    return new Change(
        address, Action.UPDATE, Optional.of(before), Optional.of(after), reason, needs);
  }

  public static Change delete(Address address, Resource before, String reason, Set<Need> needs) {
    return new Change(
        address, Action.DELETE, Optional.of(before), Optional.empty(), Optional.of(reason), needs);
  }

  public static Change replace(
      Address address, Resource before, Resource after, String reason, Set<Need> needs) {
    return new Change(
        address,
        Action.REPLACE,
        Optional.of(before),
        Optional.of(after),
        Optional.of(reason),
        needs);
  }

  /**
   * What carrying out this change takes: removing what is there when it goes (a delete, or a
   * replace, whose two sides cannot be changed into each other in place), then ensuring what comes.
   */
  public Effect effect() {
    Effect removing =
        action == Action.DELETE || action == Action.REPLACE
            ? before.orElseThrow().remove()
            : Effect.NONE;
    return removing.then(after.map(Resource::ensure).orElse(Effect.NONE));
  }

  /** Changes as one line: {@code + portProxy[v4tov4 0.0.0.0:3000], ~ windowsRule[web]}. */
  public static String list(List<Change> changes) {
    return changes.stream()
        .map(change -> change.action().symbol() + " " + change.address().text())
        .collect(Collectors.joining(", "));
  }
}
