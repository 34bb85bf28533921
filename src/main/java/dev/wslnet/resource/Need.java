package dev.wslnet.resource;

/** What a change needs before it can be made, or before it takes effect. */
public enum Need {
  /** An elevated process: every change that Windows carries out. */
  ADMINISTRATOR("administrator"),
  /** {@code wsl --shutdown}: .wslconfig changes take effect when the WSL VM starts again. */
  WSL_RESTART("wsl-restart");

  private final String word;

  Need(String word) {
    this.word = word;
  }

  public String word() {
    return word;
  }
}
