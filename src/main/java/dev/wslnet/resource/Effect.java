package dev.wslnet.resource;

import dev.wslnet.model.WslEdit;
import dev.wslnet.operation.Operation;
import java.util.ArrayList;
import java.util.List;

/**
 * What carrying out a change takes: edits of .wslconfig, which wslnet writes itself, and idempotent
 * operations ("ensure present with these fields", "ensure absent"), which Windows runs. Each kind
 * says what its resources take; the applier only does it.
 */
public record Effect(List<WslEdit> wslconfig, List<Operation> windows) {
  public static final Effect NONE = new Effect(List.of(), List.of());

  /**
   * A change is carried out in one place: .wslconfig is written before Windows is asked, so a
   * change that needed both could not be reported as one result.
   */
  public Effect {
    wslconfig = List.copyOf(wslconfig);
    windows = List.copyOf(windows);
    if (!wslconfig.isEmpty() && !windows.isEmpty()) {
      throw new IllegalArgumentException(
          "an effect edits .wslconfig or runs on Windows, not both: " + wslconfig + ", " + windows);
    }
  }

  public static Effect onWindows(Operation... operations) {
    return new Effect(List.of(), List.of(operations));
  }

  public static Effect inWslConfig(WslEdit edit) {
    return new Effect(List.of(edit), List.of());
  }

  /** This, then that. */
  public Effect then(Effect next) {
    List<WslEdit> edits = new ArrayList<>(wslconfig);
    edits.addAll(next.wslconfig);
    List<Operation> operations = new ArrayList<>(windows);
    operations.addAll(next.windows);
    return new Effect(edits, operations);
  }
}
