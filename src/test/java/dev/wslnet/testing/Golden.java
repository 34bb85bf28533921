package dev.wslnet.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under src/test/resources/golden. On a mismatch the actual output is written beside
 * the golden as {@code NAME.received.EXT} (git-ignored); renaming it over the golden approves it.
 */
public final class Golden {
  private static final Path ROOT = Path.of("src", "test", "resources", "golden");

  private Golden() {}

  public static void assertMatches(String name, String actual) {
    Path golden = ROOT.resolve(name);
    Path received = received(golden);
    try {
      if (!Files.exists(golden)) {
        Files.createDirectories(golden.getParent());
        Files.writeString(received, actual, StandardCharsets.UTF_8);
        throw new AssertionError(
            "no golden file " + golden + "; wrote " + received + " to approve");
      }
      String expected = Files.readString(golden, StandardCharsets.UTF_8);
      if (!expected.equals(actual)) {
        Files.writeString(received, actual, StandardCharsets.UTF_8);
      } else {
        Files.deleteIfExists(received);
      }
      assertThat(actual)
          .as("golden " + golden + " (actual output in " + received + ")")
          .isEqualTo(expected);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path received(Path golden) {
    String file = golden.getFileName().toString();
    int dot = file.lastIndexOf('.');
    return golden.resolveSibling(file.substring(0, dot) + ".received" + file.substring(dot));
  }
}
