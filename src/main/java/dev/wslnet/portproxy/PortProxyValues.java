package dev.wslnet.portproxy;

import dev.wslnet.model.IpLiteral;
import dev.wslnet.model.PortProxyEntry;
import dev.wslnet.model.PortProxyType;
import dev.wslnet.model.UnreadableForward;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * The portproxy registry values a host holds: the forwards, and the values that are not forwards
 * wslnet reads.
 */
public record PortProxyValues(List<PortProxyEntry> forwards, List<UnreadableForward> unreadable) {
  public PortProxyValues {
    forwards = List.copyOf(forwards);
    unreadable = List.copyOf(unreadable);
  }

  /**
   * Registry values under PortProxy\<type>\tcp as the script reports them, {@code {type, name,
   * data}}: name {@code listen/port}, data {@code connect/port}. A value wslnet cannot read (a
   * service name for a port, malformed text) is kept as it is, never dropped: it may still listen.
   */
  static PortProxyValues read(JsonNode values) {
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
   * The values as the script reports them, forwards first: the other half of {@link
   * #read(JsonNode)}, for the simulated host.
   */
  public void write(ArrayNode values) {
    for (PortProxyEntry entry : forwards) {
      write(
          values,
          new UnreadableForward(
              entry.type(),
              entry.listenAddress() + "/" + entry.listenPort(),
              entry.connectAddress() + "/" + entry.connectPort()));
    }
    unreadable.forEach(value -> write(values, value));
  }

  /**
   * A portproxy registry value as the script reports it, and as host.json keeps the ones wslnet
   * cannot read: {@code {type, name, data}}.
   */
  public static void write(ArrayNode values, UnreadableForward value) {
    values
        .addObject()
        .put("type", value.type().netshName())
        .put("name", value.name())
        .put("data", value.data());
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
}
