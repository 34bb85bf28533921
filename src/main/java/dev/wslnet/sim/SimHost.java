package dev.wslnet.sim;

import dev.wslnet.host.powershell.WindowsHost;
import java.nio.file.Path;

/**
 * A simulated Windows host kept in a directory: {@code DIR/.wslconfig}, a real file, and {@code
 * DIR/host.json}, the facts and every other resource. A missing directory becomes a fresh machine.
 * It is the PowerShell host with only the last step simulated, what Windows itself would do.
 */
public final class SimHost {
  public static final String PREFIX = "sim:";

  private SimHost() {}

  public static WindowsHost create(Path directory, boolean elevate) {
    return create(directory, elevate, false);
  }

  /**
   * @param elevatedTask this process is a run of the simulated scheduled task, which is elevated
   *     (its environment has {@link SimProcessRunner#ELEVATED_TASK})
   */
  public static WindowsHost create(Path directory, boolean elevate, boolean elevatedTask) {
    String name = PREFIX + directory;
    return new WindowsHost(
        name, new SimSide(directory), new SimProcessRunner(directory, name, elevatedTask), elevate);
  }

  /** The host and the runner behind it, for tests that count or inspect PowerShell processes. */
  public static WindowsHost create(Path directory, SimProcessRunner runner) {
    return new WindowsHost(PREFIX + directory, new SimSide(directory), runner, false);
  }
}
