package dev.wslnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * validate checks exactly the files of its command line, in their order, however they mix with
 * options and {@code --}, as picocli reads them.
 */
class FileArgumentsProperties {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Property(tries = 150)
  void checksEveryFileInOrder(@ForAll("commandLines") List<String> arguments) {
    List<String> command = new ArrayList<>(List.of("validate", "--format", "json"));
    command.addAll(arguments);
    CliRun run = CliRun.run(command.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    List<String> checked = new ArrayList<>();
    for (JsonNode file : JSON.readTree(run.out()).path("files")) {
      checked.add(file.path("file").asString());
    }
    assertThat(checked).isEqualTo(files(arguments));
  }

  /**
   * The files a command line names: its arguments that are neither an option nor an option's value,
   * and all after {@code --}.
   */
  private static List<String> files(List<String> arguments) {
    List<String> files = new ArrayList<>();
    boolean endOfOptions = false;
    for (int i = 0; i < arguments.size(); i++) {
      String argument = arguments.get(i);
      if (endOfOptions || !argument.startsWith("-")) {
        files.add(argument);
      } else if (argument.equals("--")) {
        endOfOptions = true;
      } else if (argument.equals("--sarif-root")) {
        i++;
      }
    }
    return files.isEmpty() ? List.of("wslnet.yaml") : files;
  }

  /**
   * Files, with --strict and --sarif-root each at most once among them, and sometimes {@code --}
   * followed by files that start with "-".
   */
  @Provide
  Arbitrary<List<String>> commandLines() {
    Arbitrary<String> file =
        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6).map(name -> name + ".yaml");
    Arbitrary<List<String>> files = file.list().ofMaxSize(6);
    Arbitrary<Integer> place = Arbitraries.integers().between(-1, 6);
    Arbitrary<List<String>> dashed = file.map(name -> "-" + name).list().ofMaxSize(2);
    return net.jqwik.api.Combinators.combine(
            files, place, place, Arbitraries.of(true, false), dashed)
        .as(
            (names, strict, root, withEnd, afterEnd) -> {
              List<String> arguments = new ArrayList<>(names);
              if (strict >= 0) {
                arguments.add(Math.min(strict, arguments.size()), "--strict");
              }
              if (root >= 0) {
                arguments.addAll(Math.min(root, arguments.size()), List.of("--sarif-root", "."));
              }
              if (withEnd) {
                arguments.add("--");
                arguments.addAll(afterEnd);
                arguments.add("last.yaml");
              }
              return arguments;
            });
  }
}
