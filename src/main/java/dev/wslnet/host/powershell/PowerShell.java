package dev.wslnet.host.powershell;

import dev.wslnet.host.HostException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How wslnet talks to PowerShell: a constant bootstrap as {@code -EncodedCommand}, and on standard
 * input two lines, the script (one of the .ps1 resources) and the request, each base64-encoded. The
 * script prints its result as one line {@code WSLNET-RESULT:<base64 of UTF-8 JSON>}. Base64 keeps
 * every byte intact whatever code pages the console uses, and no value is ever spliced into script
 * text.
 *
 * <p>The script is sent on every call rather than kept on disk, so that a host never runs a stale
 * copy.
 */
public final class PowerShell {
  /** Runs the script of the first stdin line with the request of the second. Never changes. */
  static final String BOOTSTRAP =
      "$in = [Console]::In.ReadToEnd().Split([char]10); &"
          + " ([ScriptBlock]::Create([Text.Encoding]::UTF8.GetString("
          + "[Convert]::FromBase64String($in[0].Trim()))))"
          + " -Request $in[1].Trim()";

  static final String RESULT_PREFIX = "WSLNET-RESULT:";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * The one script wslnet ships, src/main/resources/powershell/wslnet.ps1: observe, or apply and
   * observe.
   */
  public static String script() {
    return ScriptHolder.TEXT;
  }

  /** Read from the jar once, on first use. */
  private static final class ScriptHolder {
    static final String TEXT = load();
  }

  private static String load() {
    try (InputStream in = PowerShell.class.getResourceAsStream("/powershell/wslnet.ps1")) {
      if (in == null) {
        throw new IllegalStateException("/powershell/wslnet.ps1 is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private PowerShell() {}

  /** The command line: the same for every script and every request. */
  public static List<String> command(String executable) {
    List<String> command =
        new ArrayList<>(
            List.of(
                executable,
                "-NoProfile",
                "-NonInteractive",
                "-ExecutionPolicy",
                "Bypass",
                "-EncodedCommand"));
    command.add(Base64.getEncoder().encodeToString(BOOTSTRAP.getBytes(StandardCharsets.UTF_16LE)));
    return command;
  }

  public static byte[] stdin(JsonNode request) {
    return (base64(script()) + "\n" + base64(JSON.writeValueAsString(request)) + "\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The two things a PowerShell process was given: the script's text and the request. */
  public record Input(String script, JsonNode request) {}

  /** Reads back what {@link #stdin} wrote: what the process on the other side receives. */
  public static Input decodeStdin(byte[] stdin) {
    String[] lines = new String(stdin, StandardCharsets.US_ASCII).split("\n");
    Base64.Decoder decoder = Base64.getDecoder();
    return new Input(
        new String(decoder.decode(lines[0].trim()), StandardCharsets.UTF_8),
        JSON.readTree(new String(decoder.decode(lines[1].trim()), StandardCharsets.UTF_8)));
  }

  /** The output line a script prints for its result. */
  public static String resultLine(JsonNode result) {
    return RESULT_PREFIX + base64(JSON.writeValueAsString(result));
  }

  /** The script's result, or a HostException that carries what PowerShell said instead. */
  static JsonNode result(ProcessResult process, String what) {
    Optional<String> line =
        process.stdoutText().lines().filter(l -> l.startsWith(RESULT_PREFIX)).reduce((a, b) -> b);
    if (line.isEmpty()) {
      String said = (process.stderrText() + "\n" + process.stdoutText()).strip();
      throw new HostException(
          "PowerShell failed to "
              + what
              + " (exit "
              + process.exitCode()
              + ")"
              + (said.isEmpty() ? "" : ": " + firstLines(said)));
    }
    String encoded = line.get().substring(RESULT_PREFIX.length()).trim();
    try {
      return JSON.readTree(new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      throw new HostException(
          "PowerShell answered " + what + " with a result wslnet cannot read: " + e.getMessage(),
          e);
    }
  }

  private static String firstLines(String text) {
    List<String> lines = text.lines().limit(8).toList();
    return String.join("\n  ", lines);
  }
}
