import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Fails the build when a test class under src/test/java did not run in this build: a class named so
 * that Surefire or Failsafe skips it, or one that lost its tests to a filter. Run by Maven
 * (exec-maven-plugin) after the tests:
 *
 * <pre>java EveryTestClassRan.java SOURCES REPORTS unit|integration EXCLUDED_TAGS BUILD_START</pre>
 *
 * A test class is a source file with a test annotation; classes whose names end in IT are
 * integration tests (Failsafe), the others unit tests (Surefire). A class tagged with an excluded
 * tag is expected not to run. A class ran when the runner wrote its report during this build
 * (reports older than BUILD_START are left from an earlier build and do not count).
 */
public final class EveryTestClassRan {
  private static final Pattern TEST_ANNOTATION =
      Pattern.compile(
          "(?m)^\\s*@(Test|ParameterizedTest|RepeatedTest|TestFactory|TestTemplate"
              + "|Property|Example)\\b");
  private static final Pattern CLASS_TAG = Pattern.compile("(?m)^@Tag\\(\"([^\"]+)\"\\)");
  private static final Pattern TESTS_RUN = Pattern.compile("<testsuite\\b[^>]*\\btests=\"(\\d+)\"");

  public static void main(String[] args) throws IOException {
    if (args.length != 5) {
      System.err.println(
          "usage: EveryTestClassRan SOURCES REPORTS unit|integration EXCLUDED_TAGS BUILD_START");
      System.exit(64);
    }
    Path sources = Path.of(args[0]);
    Path reports = Path.of(args[1]);
    boolean integration = args[2].equals("integration");
    Set<String> excluded = Set.of(args[3].split(","));
    Instant buildStart = Instant.parse(args[4]);

    List<String> expected = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    try (Stream<Path> files = Files.walk(sources)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String name = sources.relativize(file).toString().replace('\\', '/').replace('/', '.');
        name = name.substring(0, name.length() - ".java".length());
        if (!TEST_ANNOTATION.matcher(text).find()
            || name.endsWith("IT") != integration
            || isExcluded(text, excluded)) {
          continue;
        }
        expected.add(name);
        if (!ran(reports.resolve("TEST-" + name + ".xml"), buildStart)) {
          missing.add(name);
        }
      }
    }
    String kind = integration ? "integration" : "unit";
    if (!missing.isEmpty()) {
      System.err.println(
          "[ERROR] "
              + missing.size()
              + " of "
              + expected.size()
              + " "
              + kind
              + " test classes did not run in this build (no report in "
              + reports
              + "):");
      missing.forEach(name -> System.err.println("[ERROR]   " + name));
      System.err.println(
          "[ERROR] Name unit test classes *Test or *Properties and integration test classes *IT, "
              + "so that Surefire and Failsafe pick them up.");
      System.exit(1);
    }
    System.out.println("[INFO] All " + expected.size() + " " + kind + " test classes ran.");
  }

  private static boolean isExcluded(String text, Set<String> excluded) {
    Matcher tag = CLASS_TAG.matcher(text);
    while (tag.find()) {
      if (excluded.contains(tag.group(1))) {
        return true;
      }
    }
    return false;
  }

  private static boolean ran(Path report, Instant buildStart) throws IOException {
    if (!Files.isRegularFile(report)
        || Files.getLastModifiedTime(report).toInstant().isBefore(buildStart)) {
      return false;
    }
    Matcher tests = TESTS_RUN.matcher(Files.readString(report, StandardCharsets.UTF_8));
    return tests.find() && Integer.parseInt(tests.group(1)) > 0;
  }
}
