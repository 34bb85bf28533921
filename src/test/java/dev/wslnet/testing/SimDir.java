package dev.wslnet.testing;

import dev.wslnet.sim.SimHost;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A simulated host in a test's folder, with host.json edited the way a test author would edit it by
 * hand.
 */
public record SimDir(Path path) {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** A fresh machine, created the way `--host sim:DIR` creates one. */
  public static SimDir fresh(Path parent) {
    Path path = parent.resolve("host");
    SimHost.create(path, false).observe(Optional.empty());
    return new SimDir(path);
  }

  public String spec() {
    return "sim:" + path;
  }

  public SimDir edit(Consumer<ObjectNode> change) {
    try {
      ObjectNode root = (ObjectNode) JSON.readTree(Files.readString(hostJson()));
      change.accept(root);
      Files.writeString(hostJson(), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public SimDir fault(String operation, String target, String message) {
    return edit(
        root -> {
          ObjectNode fault = root.withArray("faults").addObject();
          fault.put("operation", operation);
          if (target != null) {
            fault.put("target", target);
          }
          fault.put("message", message);
        });
  }

  public SimDir clearFaults() {
    return edit(root -> root.putArray("faults"));
  }

  public SimDir wslconfig(String text) {
    try {
      Files.writeString(path.resolve(".wslconfig"), text, StandardCharsets.UTF_8);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Path hostJson() {
    return path.resolve("host.json");
  }

  /** host.json and .wslconfig as they are now, to prove that nothing changed. */
  public String snapshot() {
    try {
      Path wslconfig = path.resolve(".wslconfig");
      return Files.readString(hostJson())
          + "\n---\n"
          + (Files.exists(wslconfig) ? Files.readString(wslconfig) : "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
