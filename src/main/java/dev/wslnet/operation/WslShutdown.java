package dev.wslnet.operation;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** wsl.exe --shutdown: WSL reads .wslconfig again when it next starts. */
public record WslShutdown() implements Operation {
  public static final String KIND = "wsl.shutdown";

  /**
   * wsl --shutdown stops the caller's own WSL and needs no administrator; run elevated, it could
   * stop another account's WSL and cost a second UAC prompt.
   */
  @Override
  public boolean needsElevation() {
    return false;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String target() {
    return "WSL";
  }

  @Override
  public ObjectNode arguments() {
    return JsonNodeFactory.instance.objectNode();
  }
}
