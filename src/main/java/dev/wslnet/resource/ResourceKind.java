package dev.wslnet.resource;

import dev.wslnet.diagnostic.Diagnostic;
import dev.wslnet.model.DesiredState;
import dev.wslnet.model.ObservedState;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * One kind of thing wslnet manages, as the planner, the plan's fingerprints and {@code show} see
 * it; {@code plan.Kinds} lists them. Every method is a pure function of the desired and the
 * observed state.
 */
public interface ResourceKind {

  /**
   * The changes that make the host hold what the file declares of this kind, in the order of the
   * file, then deletions; nothing when the file does not manage the kind.
   */
  List<Change> changes(DesiredState desired, ObservedState observed);

  /**
   * What the plan should warn about on this host for this kind.
   *
   * @param changes the changes of every kind, so that a warning can leave out what they fix
   */
  default List<Diagnostic> warnings(
      DesiredState desired, ObservedState observed, List<Change> changes) {
    return List.of();
  }

  /**
   * A short hash of each observed resource of this kind that the file manages, by address: a saved
   * plan keeps them, and names every address that moved when it is applied.
   */
  Map<Address, String> fingerprints(DesiredState desired, ObservedState observed);

  /**
   * Writes what the host holds of this kind into {@code document}, a desired-state document, so
   * that planning that document finds nothing to change.
   *
   * @param leftOut where to say what a desired-state file cannot say, and was left out
   */
  void show(ObservedState observed, String group, ObjectNode document, List<String> leftOut);
}
