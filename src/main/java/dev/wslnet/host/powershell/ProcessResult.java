package dev.wslnet.host.powershell;

import java.nio.charset.StandardCharsets;

/** What a finished process gave back. */
public record ProcessResult(int exitCode, byte[] stdout, byte[] stderr) {

  public String stdoutText() {
    return new String(stdout, StandardCharsets.UTF_8);
  }

  public String stderrText() {
    return new String(stderr, StandardCharsets.UTF_8);
  }
}
