package dev.wslnet.container;

import dev.wslnet.host.powershell.PowerShell;
import dev.wslnet.host.powershell.ProcessResult;
import dev.wslnet.sim.SimProcessRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Windows side of a container "distro": the interop programs powershell.exe, wsl.exe, wslinfo
 * and wslpath are scripts that run this class. It answers what wslnet really sends (arguments,
 * stdin, the encoded bootstrap) with the simulated host's semantics, keeps the machine in {@code
 * /mnt/c/Users/sim}, and logs every invocation there.
 */
public final class WindowsSimulator {
  static final Path STATE = Path.of("/mnt/c/Users/sim");
  static final String LOG = "invocations.log";

  private WindowsSimulator() {}

  public static void main(String[] args) throws IOException {
    String program = args[0];
    List<String> arguments = Arrays.asList(args).subList(1, args.length);
    Files.createDirectories(STATE);
    switch (program) {
      case "powershell.exe" -> System.exit(powershell(arguments));
      case "wslinfo" -> {
        log("wslinfo " + String.join(" ", arguments));
        String mode =
            JsonMapper.builder()
                .build()
                .readTree(Files.readString(STATE.resolve("host.json")))
                .path("facts")
                .path("runningNetworkingMode")
                .asString("nat");
        System.out.println(mode);
      }
      case "wslpath" -> {
        log("wslpath " + String.join(" ", arguments));
        String windows = arguments.get(arguments.size() - 1);
        System.out.println(
            "/mnt/"
                + Character.toLowerCase(windows.charAt(0))
                + windows.substring(2).replace('\\', '/'));
      }
      case "wsl.exe" -> {
        log("wsl.exe " + String.join(" ", arguments));
        if (arguments.contains("--version")) {
          System.out.write("WSL version: 2.3.26.0\r\n".getBytes(StandardCharsets.UTF_16LE));
          System.out.flush();
        }
      }
      default -> {
        System.err.println("unknown interop program " + program);
        System.exit(1);
      }
    }
  }

  private static int powershell(List<String> arguments) throws IOException {
    byte[] stdin = System.in.readAllBytes();
    List<String> command = new ArrayList<>(List.of("powershell.exe"));
    command.addAll(arguments);
    String mode = "unreadable";
    try {
      mode = PowerShell.decodeStdin(stdin).request().path("mode").asString("none");
    } catch (RuntimeException e) {
      mode = "unreadable";
    }
    log(
        "powershell.exe "
            + mode
            + (command.equals(PowerShell.command("powershell.exe"))
                ? ""
                : " unexpected-arguments"));
    ProcessResult result =
        new SimProcessRunner(STATE, "wsl").run(command, stdin, Duration.ofMinutes(5));
    System.out.write(result.stdout());
    System.out.flush();
    System.err.write(result.stderr());
    System.err.flush();
    return result.exitCode();
  }

  private static void log(String line) throws IOException {
    Files.writeString(
        STATE.resolve(LOG),
        line + "\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }
}
