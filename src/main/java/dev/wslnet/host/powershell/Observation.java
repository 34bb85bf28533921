package dev.wslnet.host.powershell;

import dev.wslnet.model.FieldValue;
import dev.wslnet.model.FirewallRule;
import dev.wslnet.model.HostFacts;
import dev.wslnet.model.IpLiteral;
import dev.wslnet.model.ObservedState;
import dev.wslnet.model.PortProxyEntry;
import dev.wslnet.model.PortProxyType;
import dev.wslnet.model.UnreadableForward;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads the observe script's document into an observed state. Windows' own formats are decoded
 * here, where tests can reach them: portproxy registry values ({@code listen/port} = {@code
 * connect/port}), {@code wsl --version} in UTF-16LE, {@code hostname -I} with several addresses,
 * enums as Windows prints them.
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
    PortProxyValues portProxy = portProxy(document.path("portProxy"));
    return new ObservedState(
        facts,
        wslconfigPath.toString(),
        wslconfig,
        portProxy.forwards(),
        hyperVSettings(document.path("hyperVSettings")),
        rules(document.path("hyperVRules")),
        rules(document.path("windowsRules")),
        portProxy.unreadable());
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

  /** The portproxy registry values: forwards, and the values that are not forwards wslnet reads. */
  record PortProxyValues(List<PortProxyEntry> forwards, List<UnreadableForward> unreadable) {}

  /**
   * Registry values under PortProxy\<type>\tcp: name {@code listen/port}, data {@code
   * connect/port}. A value wslnet cannot read (a service name for a port, malformed text) is kept
   * as it is, never dropped: it may still listen.
   */
  static PortProxyValues portProxy(JsonNode values) {
    List<PortProxyEntry> entries = new ArrayList<>();
    List<UnreadableForward> unreadable = new ArrayList<>();
    for (JsonNode value : values) {
      Optional<PortProxyType> type = PortProxyType.fromNetshName(value.path("type").asString());
      if (type.isEmpty()) {
        continue;
      }
      String name = value.path("name").asString("");
      String data = value.path("data").asString("");
      Optional<Endpoint> listen = Endpoint.parse(name, type.get().listenFamily(), true);
      Optional<Endpoint> connect = Endpoint.parse(data, type.get().connectFamily(), false);
      if (listen.isPresent() && connect.isPresent()) {
        entries.add(
            new PortProxyEntry(
                type.get(),
                listen.get().address(),
                listen.get().port(),
                connect.get().address(),
                connect.get().port()));
      } else {
        unreadable.add(new UnreadableForward(type.get(), name, data));
      }
    }
    return new PortProxyValues(entries, unreadable);
  }

  /**
   * {@code address/port}, exactly as a forward the file could declare: a port of digits only (no
   * sign, space or leading zero, so that the value netsh would address is this very text), an
   * address of the type's family, or a host name where IPv4 is wanted, or {@code *} to listen on.
   * Anything else is a value wslnet keeps as unreadable. IPv6 addresses hold colons but never a
   * slash.
   */
  private record Endpoint(String address, int port) {
    private static final Pattern PORT = Pattern.compile("[1-9][0-9]{0,4}");
    private static final Pattern HOST_NAME =
        Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?");

    static Optional<Endpoint> parse(String text, IpLiteral.Family family, boolean listen) {
      int slash = text.lastIndexOf('/');
      if (slash <= 0 || !PORT.matcher(text.substring(slash + 1)).matches()) {
        return Optional.empty();
      }
      int port = Integer.parseInt(text.substring(slash + 1));
      String address = text.substring(0, slash);
      boolean valid =
          (listen && address.equals("*"))
              || (IpLiteral.looksLikeLiteral(address)
                  ? IpLiteral.family(address).filter(family::equals).isPresent()
                  : family == IpLiteral.Family.IPV4 && HOST_NAME.matcher(address).matches());
      return port <= 65535 && valid ? Optional.of(new Endpoint(address, port)) : Optional.empty();
    }
  }

  static Map<String, FieldValue> hyperVSettings(JsonNode settings) {
    Map<String, FieldValue> values = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> setting : settings.properties()) {
      String name = setting.getKey();
      values.put(name, WindowsValues.setting(name, setting.getValue()));
    }
    return values;
  }

  static List<FirewallRule> rules(JsonNode rules) {
    List<FirewallRule> result = new ArrayList<>();
    for (JsonNode rule : rules) {
      Map<String, FieldValue> fields = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> field : rule.properties()) {
        String name = field.getKey();
        if (name.equals("name")
            || name.equals("group")
            || WindowsValues.unset(name, field.getValue())) {
          continue;
        }
        fields.put(name, WindowsValues.ruleField(name, field.getValue()));
      }
      result.add(new FirewallRule(rule.path("name").asString(), fields));
    }
    return result;
  }
}
