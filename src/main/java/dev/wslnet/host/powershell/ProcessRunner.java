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

  /**
   * Starts the program now and gives it its input later: PowerShell's start-up (600 ms for Windows
   * PowerShell 5.1 without profiles, as its maintainers measured in PowerShell/PowerShell#4239) can
   * pass while wslnet reads the desired-state file that the input depends on. A runner that cannot
   * start early starts the program when its input is given.
   *
   * @throws IOException when the program cannot be started
   */
  default Started start(List<String> command) throws IOException {
    return new Started() {
      @Override
      public ProcessResult finish(byte[] stdin, Duration timeout) throws IOException {
        return run(command, stdin, timeout);
      }

      @Override
      public void close() {}
    };
  }

  /** A program started without its input. */
  interface Started extends AutoCloseable {

    /**
     * Gives the program its whole standard input and waits for it, as {@link #run} does.
     *
     * @throws ProcessTimeoutException when it did not finish in time (it has been killed)
     */
    ProcessResult finish(byte[] stdin, Duration timeout) throws IOException;

    /** Stops the program if it still runs (it never got its input, say); nothing once it ended. */
    @Override
    void close();
  }
}
