package dev.wslnet.host.powershell;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * The narrow seam through which wslnet starts Windows processes: a command line and the bytes of
 * its standard input in, the exit code and the bytes of its output back. Tests replace it with
 * recorded answers; the simulated host replaces it with a simulation of what Windows would do.
 */
public interface ProcessRunner {

  /**
   * @throws IOException when the program cannot be started (it is missing)
   * @throws ProcessTimeoutException when it did not finish in time (it has been killed)
   */
  ProcessResult run(List<String> command, byte[] stdin, Duration timeout) throws IOException;
}
