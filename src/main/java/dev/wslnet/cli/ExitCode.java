package dev.wslnet.cli;

/** The exit codes of every command, Terraform's where Terraform has one. */
public enum ExitCode {
  /** Success; for plan, no changes. */
  OK(0),
  /** An error, an invalid file, or an apply that did not converge. */
  ERROR(1),
  /** plan --detailed-exitcode: the plan has changes. */
  CHANGES(2),
  /** The command line itself is wrong (BSD sysexits EX_USAGE). */
  USAGE(64);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
