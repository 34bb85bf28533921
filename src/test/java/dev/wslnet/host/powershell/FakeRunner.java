package dev.wslnet.host.powershell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * A process runner that plays recorded answers: PowerShell requests get the document a function
 * makes of them; wslpath and wslinfo get fixed answers. It records every command line and every
 * PowerShell input.
 */
final class FakeRunner implements ProcessRunner {
  final List<List<String>> commands = new ArrayList<>();
  final List<PowerShell.Input> inputs = new ArrayList<>();
  private final Function<JsonNode, JsonNode> powershell;

  FakeRunner(Function<JsonNode, JsonNode> powershell) {
    this.powershell = powershell;
  }

  @Override
  public ProcessResult run(List<String> command, byte[] stdin, Duration timeout)
      throws IOException {
    commands.add(List.copyOf(command));
    if (command.get(0).equals("wslpath")) {
      return new ProcessResult(
          0, "/mnt/c/Users/dev\n".getBytes(StandardCharsets.UTF_8), new byte[0]);
    }
    if (command.get(0).equals("wslinfo")) {
      return new ProcessResult(0, "nat\n".getBytes(StandardCharsets.UTF_8), new byte[0]);
    }
    PowerShell.Input input = PowerShell.decodeStdin(stdin);
    inputs.add(input);
    return new ProcessResult(
        0, PowerShell.resultOutput(powershell.apply(input.request())), new byte[0]);
  }

  long powershellProcesses() {
    return commands.stream().filter(c -> c.get(0).endsWith("powershell.exe")).count();
  }
}
