package dev.wslnet.testing;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Fails the build when a class with tests did not run in this build: a name that Surefire's or
 * Failsafe's patterns skip, for one. Maven runs it (exec-maven-plugin) after each runner:
 *
 * <pre>EveryTestClassRan REPORTS unit|integration EXCLUDED_TAGS BUILD_START</pre>
 *
 * <p>The test engines themselves (JUnit Jupiter, jqwik) say which classes hold tests, as they would
 * run them: abstract classes, helpers and text that only looks like a test do not count; inherited
 * tests, nested classes and tests tagged to be excluded (on the class or the method) are handled as
 * the engines handle them. Classes named as Failsafe runs them ({@code IT*}, {@code *IT}, {@code
 * *ITCase}) are integration tests, the others unit tests. A class ran when its runner wrote a
 * report for it, with at least one test, during this build.
 */
public final class EveryTestClassRan {
  private static final Pattern INTEGRATION = Pattern.compile("IT.*|.*IT|.*ITCase");
  private static final Pattern TESTS_RUN = Pattern.compile("<testsuite\\b[^>]*\\btests=\"(\\d+)\"");

  private EveryTestClassRan() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 4) {
      System.err.println(
          "usage: EveryTestClassRan REPORTS unit|integration EXCLUDED_TAGS BUILD_START");
      System.exit(64);
    }
    Path reports = Path.of(args[0]);
    boolean integration = args[1].equals("integration");
    List<String> excluded = Arrays.stream(args[2].split(",")).filter(t -> !t.isBlank()).toList();
    Instant buildStart = Instant.parse(args[3]);

    Set<String> expected = new TreeSet<>();
    for (String name : classesWithTests(Path.of("target", "test-classes"), excluded)) {
      String simpleName = name.substring(name.lastIndexOf('.') + 1).split("\\$")[0];
      if (INTEGRATION.matcher(simpleName).matches() == integration) {
        expected.add(name);
      }
    }
    List<String> missing = new java.util.ArrayList<>();
    for (String name : expected) {
      if (!ran(reports.resolve("TEST-" + name + ".xml"), buildStart)) {
        missing.add(name);
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
          "[ERROR] Name unit test classes *Test or *Properties and integration test classes *IT,"
              + " so that Surefire and Failsafe pick them up.");
      System.exit(1);
    }
    System.out.println("[INFO] All " + expected.size() + " " + kind + " test classes ran.");
  }

  /** The classes the engines find tests in, tests of excluded tags left out. */
  private static Set<String> classesWithTests(Path classes, List<String> excludedTags) {
    LauncherDiscoveryRequestBuilder request =
        LauncherDiscoveryRequestBuilder.request().selectors(selectClasspathRoots(Set.of(classes)));
    if (!excludedTags.isEmpty()) {
      request.filters(TagFilter.excludeTags(excludedTags));
    }
    LauncherDiscoveryRequest discovery = request.build();
    TestPlan plan = LauncherFactory.create().discover(discovery);
    Set<String> names = new TreeSet<>();
    for (TestIdentifier root : plan.getRoots()) {
      plan.getDescendants(root)
          .forEach(
              test ->
                  test.getSource()
                      .ifPresent(
                          source -> {
                            if (isTestOrTemplate(test, source)) {
                              names.add(className(source));
                            }
                          }));
    }
    return names;
  }

  /** A test, or a method that makes tests when it runs (parameterized, factories, properties). */
  private static boolean isTestOrTemplate(TestIdentifier test, TestSource source) {
    return source instanceof MethodSource || (test.isTest() && source instanceof ClassSource);
  }

  private static String className(TestSource source) {
    return source instanceof MethodSource method
        ? method.getClassName()
        : ((ClassSource) source).getClassName();
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
