package dev.wslnet.host.powershell;

import dev.wslnet.host.HostException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
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

  /**
   * What a script prints for its result: the line, ended as PowerShell ends its output lines. The
   * JSON goes to base64 as bytes, never as one string of several megabytes.
   */
  public static byte[] resultOutput(JsonNode result) {
    byte[] prefix = RESULT_PREFIX.getBytes(StandardCharsets.US_ASCII);
    byte[] encoded = Base64.getEncoder().encode(JSON.writeValueAsBytes(result));
    byte[] output = Arrays.copyOf(prefix, prefix.length + encoded.length + 2);
    System.arraycopy(encoded, 0, output, prefix.length, encoded.length);
    output[output.length - 2] = '\r';
    output[output.length - 1] = '\n';
    return output;
  }

  /**
   * The script's result, or a HostException that carries what PowerShell said instead. The result
   * line is found and decoded in the output's bytes: the 5,000-rule observation is megabytes, and
   * turning it into text three times (the output, its line, the decoded JSON) was work and garbage
   * that parsing the JSON from bytes does not need.
   */
  static JsonNode result(ProcessResult process, String what) {
    byte[] stdout = process.stdout();
    int start = lastResultLine(stdout);
    if (start < 0) {
      String said = (process.stderrText() + "\n" + process.stdoutText()).strip();
      throw new HostException(
          "PowerShell failed to "
              + what
              + " (exit "
              + process.exitCode()
              + ")"
              + (said.isEmpty() ? "" : ": " + firstLines(said)));
    }
    int end = start;
    while (end < stdout.length && stdout[end] != '\n' && stdout[end] != '\r') {
      end++;
    }
    // Trimmed as String.trim would: spaces and control characters at either end.
    while (start < end && (stdout[start] & 0xFF) <= ' ') {
      start++;
    }
    while (end > start && (stdout[end - 1] & 0xFF) <= ' ') {
      end--;
    }
    try {
      ByteBuffer json = Base64.getDecoder().decode(ByteBuffer.wrap(stdout, start, end - start));
      return JSON.readTree(json.array(), json.arrayOffset(), json.remaining());
    } catch (RuntimeException e) {
      throw new HostException(
          "PowerShell answered " + what + " with a result wslnet cannot read: " + e.getMessage(),
          e);
    }
  }

  /**
   * Where the text of the last line that starts with the result prefix begins, or -1. Lines end at
   * LF, CR or CRLF, as {@link String#lines} splits them.
   */
  private static int lastResultLine(byte[] output) {
    byte[] prefix = RESULT_PREFIX.getBytes(StandardCharsets.US_ASCII);
    for (int at = output.length - prefix.length; at >= 0; at--) {
      if ((at == 0 || output[at - 1] == '\n' || output[at - 1] == '\r')
          && Arrays.equals(output, at, at + prefix.length, prefix, 0, prefix.length)) {
        return at + prefix.length;
      }
    }
    return -1;
  }

  private static String firstLines(String text) {
    List<String> lines = text.lines().limit(8).toList();
    return String.join("\n  ", lines);
  }
}
