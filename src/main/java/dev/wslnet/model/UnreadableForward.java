package dev.wslnet.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A netsh portproxy registry value as stored; wslnet keeps in this form the values it cannot read
 * as a forward: a port given as a service name ({@code 0.0.0.0/http}, which netsh accepts:
 * wsl-facts.md 2.1), or a name or data that is not {@code address/port}. It is still there,
 * listening or not, so wslnet shows it and prune may delete it.
 *
 * @param name the registry value's name, {@code listenaddress/listenport} when well formed
 * @param data the registry value's data, {@code connectaddress/connectport} when well formed
 */
public record UnreadableForward(PortProxyType type, String name, String data) {

  public UnreadableForward {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(data, "data");
  }

  /**
   * The listen address and port text netsh's delete takes, when the name has both; a port may be a
   * service name.
   */
  public Optional<String[]> listen() {
    int slash = name.lastIndexOf('/');
    if (slash <= 0 || slash == name.length() - 1) {
      return Optional.empty();
    }
    return Optional.of(new String[] {name.substring(0, slash), name.substring(slash + 1)});
  }
}
