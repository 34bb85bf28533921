package dev.wslnet.cli;

/** Ends a command with an exit code; the message, when there is one, has not been printed yet. */
final class ExitException extends RuntimeException {
  private final ExitCode exitCode;

  ExitException(ExitCode exitCode, String message) {
    super(message, null, false, false);
    this.exitCode = exitCode;
  }

  /** The command has already said why. */
  static ExitException quietly(ExitCode exitCode) {
    return new ExitException(exitCode, null);
  }

  ExitCode exitCode() {
    return exitCode;
  }
}
