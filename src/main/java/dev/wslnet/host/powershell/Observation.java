package dev.wslnet.host.powershell;

import dev.wslnet.host.WslReadings;
import dev.wslnet.model.HostFacts;
import dev.wslnet.model.IpLiteral;
import dev.wslnet.model.ObservedState;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads the observe script's document into an observed state: the facts about the host, decoded
 * here from Windows' own formats ({@code wsl --version} in UTF-16LE, {@code hostname -I} with
 * several addresses), and .wslconfig. What each kind manages stays in the document, which the kind
 * reads itself.
 */
public final class Observation {
  private static final Pattern VERSION = Pattern.compile("\\d+(\\.\\d+)+");

  private Observation() {}

  public static ObservedState read(
      String host, JsonNode document, Path wslconfigPath, Optional<WslReadings> here) {
    WslReadings fromWindows =
        new WslReadings(
            firstAddress(decode(document.path("wslHostnameOutput"))),
            text(document.path("hostAddress")),
            decode(document.path("wslNetworkingModeOutput"))
                .map(String::strip)
                .filter(mode -> !mode.isEmpty()));
    WslReadings readings = here.orElse(fromWindows);
    HostFacts facts =
        new HostFacts(
            host,
            document.path("osBuild").asInt(0),
            decode(document.path("wslVersionOutput"))
                .flatMap(Observation::wslVersion)
                .orElse("unknown"),
            document.path("elevated").asBoolean(false),
            readings.vmAddress(),
            readings.hostAddress().or(fromWindows::hostAddress),
            readings.networkingMode(),
            document.path("hyperVAvailable").asBoolean(false),
            document.path("ipHelperRunning").asBoolean(false));
    Optional<byte[]> wslconfig = text(document.path("wslconfig")).map(Base64.getDecoder()::decode);
    return new ObservedState(facts, wslconfigPath.toString(), wslconfig, document);
  }

  private static Optional<String> text(JsonNode node) {
    return node.isString() && !node.asString().isEmpty()
        ? Optional.of(node.asString())
        : Optional.empty();
  }

  /**
   * Raw process output, base64 in the document: UTF-16LE when it has NUL bytes (wsl.exe's own),
   * else UTF-8.
   */
  static Optional<String> decode(JsonNode base64) {
    return text(base64).map(Base64.getDecoder()::decode).map(Observation::decodeOutput);
  }

  static String decodeOutput(byte[] bytes) {
    boolean utf16 = false;
    for (int i = 1; i < bytes.length; i += 2) {
      if (bytes[i] == 0) {
        utf16 = true;
        break;
      }
    }
    if (!utf16) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
    int start = bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE ? 2 : 0;
    return StandardCharsets.UTF_16LE
        .decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
        .toString();
  }

  /**
   * The WSL version from {@code wsl --version}, whose labels are localized: the first version
   * number.
   */
  static Optional<String> wslVersion(String output) {
    Matcher matcher = VERSION.matcher(output);
    return matcher.find() ? Optional.of(matcher.group()) : Optional.empty();
  }

  /**
   * The first IPv4 address {@code hostname -I} prints: the VM's eth0 comes first; Docker bridges
   * follow.
   */
  static Optional<String> firstAddress(Optional<String> hostnameOutput) {
    return hostnameOutput.flatMap(
        output ->
            java.util.Arrays.stream(output.trim().split("\\s+"))
                .filter(IpLiteral::isIpv4)
                .findFirst());
  }
}
