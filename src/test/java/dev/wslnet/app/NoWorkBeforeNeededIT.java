package dev.wslnet.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The commands that run in every CI job and in loops, and the help, answer without initializing
 * Jackson databind or networknt: the JVM's own log of class initialization, in a fresh JVM, says
 * which classes ran their static initializers. (A help after a subcommand that reads a file once
 * compiled the schema on a second thread for nothing.)
 */
class NoWorkBeforeNeededIT {
  private static final Path JAR = Path.of("target/wslnet.jar").toAbsolutePath();

  @TempDir Path temp;

  @ParameterizedTest
  @ValueSource(
      strings = {"--version", "schema", "--help", "plan --help", "validate -h", "apply -V"})
  void initializesNeitherDatabindNorNetworknt(String args) throws Exception {
    Path log = temp.resolve("init.log");
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+init=info:file=" + log,
                "-jar",
                JAR.toString()));
    command.addAll(List.of(args.split(" ")));
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(temp.resolve("out").toFile())
            .redirectError(temp.resolve("err").toFile())
            .start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isZero();
    List<String> initialized = Files.readAllLines(log, StandardCharsets.UTF_8);
    assertThat(initialized).anyMatch(line -> line.contains("dev.wslnet."));
    assertThat(initialized)
        .noneMatch(
            line -> line.contains("tools.jackson.databind") || line.contains("com.networknt"));
  }
}
