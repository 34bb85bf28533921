package dev.wslnet.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app folder that {@code mvn package} builds, run as a user runs it: through bin/wslnet, with
 * nothing on stderr but wslnet's own output, wherever Java is found.
 */
@DisabledOnOs(OS.WINDOWS)
class LauncherIT {
  private static final Path LAUNCHER = Path.of("target/wslnet/bin/wslnet").toAbsolutePath();
  private static final String JAVA_HOME = System.getProperty("java.home");

  @TempDir Path temp;

  /**
   * JUnit warns on stdout when it removes a link that points out of its temporary folder: the links
   * these tests make go first.
   */
  @org.junit.jupiter.api.AfterEach
  void removeLinks() throws IOException {
    try (var paths = Files.walk(temp)) {
      for (Path path : paths.filter(Files::isSymbolicLink).toList()) {
        Files.delete(path);
      }
    }
  }

  private record Run(int exitCode, String out, String err) {}

  private Run run(Map<String, String> environment, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().clear();
    builder.environment().putAll(environment);
    builder.redirectOutput(temp.resolve("out").toFile());
    builder.redirectError(temp.resolve("err").toFile());
    Process process = builder.start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(
        process.exitValue(),
        Files.readString(temp.resolve("out"), StandardCharsets.UTF_8),
        Files.readString(temp.resolve("err"), StandardCharsets.UTF_8));
  }

  private Map<String, String> withJavaHome() {
    return Map.of("JAVA_HOME", JAVA_HOME, "PATH", "/usr/bin:/bin", "HOME", temp.toString());
  }

  @Test
  void validatesTheExamplesWithACleanStderr() throws Exception {
    List<String> args = new ArrayList<>(List.of("validate"));
    try (var examples = Files.list(Path.of("examples"))) {
      examples.filter(p -> p.toString().endsWith(".yaml")).forEach(p -> args.add(p.toString()));
    }
    Run run = run(withJavaHome(), args.toArray(String[]::new));
    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("valid, 0 errors");
  }

  @Test
  void versionAndSchemaAreWslnetsOwn() throws Exception {
    Run version = run(withJavaHome(), "--version");
    assertThat(version.out()).startsWith("wslnet ");
    assertThat(version.err()).isEmpty();
    Run schema = run(withJavaHome(), "schema");
    assertThat(schema.out()).isEqualTo(Files.readString(Path.of("schemas/wslnet.schema.json")));
    assertThat(schema.err()).isEmpty();
  }

  @Test
  void aLinkToTheLauncherFindsTheAppFolder() throws Exception {
    Path link = Files.createSymbolicLink(temp.resolve("wslnet"), LAUNCHER);
    ProcessBuilder builder = new ProcessBuilder(link.toString(), "--version");
    builder.environment().put("JAVA_HOME", JAVA_HOME);
    builder.redirectErrorStream(true);
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).isZero();
    assertThat(out).startsWith("wslnet ");
  }

  /**
   * Java reads no resources from a jar below a folder whose name ends in "!" (the jar URL is cut at
   * the first "!/"): wslnet says so in one line, where `schema` printed a stack trace.
   */
  @Test
  void aFolderEndingInAnExclamationMarkIsNamedNotAStackTrace() throws Exception {
    Path app = copyOfTheAppFolder(temp.resolve("tools!").resolve("wslnet"));
    for (String[] args : new String[][] {{"schema"}, {"validate", "examples/minimal.yaml"}}) {
      Run run = runIn(app, withJavaHome(), temp, args);
      assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(1);
      assertThat(run.out()).isEmpty();
      assertThat(run.err())
          .contains("ends in '!'")
          .doesNotContain("Exception")
          .doesNotContain("\tat ");
    }
  }

  @Test
  void javaOnThePathIsFoundThroughItsLinks() throws Exception {
    Path bin = Files.createDirectories(temp.resolve("bin"));
    Files.createSymbolicLink(bin.resolve("java"), Path.of(JAVA_HOME, "bin", "java"));
    Run run = run(Map.of("PATH", bin + ":/usr/bin:/bin", "HOME", temp.toString()), "--version");
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).startsWith("wslnet ");
  }

  /** A copy of the app folder, to spoil without touching the build's. */
  private Path copyOfTheAppFolder() throws IOException {
    return copyOfTheAppFolder(Files.createTempDirectory(temp, "app"));
  }

  /** A copy of the app folder at {@code copy}, with the build's modification times. */
  private Path copyOfTheAppFolder(Path copy) throws IOException {
    Path app = LAUNCHER.getParent().getParent();
    try (var paths = Files.walk(app)) {
      for (Path path : paths.toList()) {
        Path target = copy.resolve(app.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
    return copy;
  }

  private static Run runIn(Path app, Map<String, String> environment, Path outputs, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(app.resolve("bin/wslnet").toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().clear();
    builder.environment().putAll(environment);
    builder.redirectOutput(outputs.resolve("out").toFile());
    builder.redirectError(outputs.resolve("err").toFile());
    Process process = builder.start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(
        process.exitValue(),
        Files.readString(outputs.resolve("out"), StandardCharsets.UTF_8),
        Files.readString(outputs.resolve("err"), StandardCharsets.UTF_8));
  }

  /** An archive that is not what this Java would have made is not used, and nothing is said. */
  @Test
  void aSpoiledArchiveIsIgnoredSilently() throws Exception {
    Path app = copyOfTheAppFolder();
    try (var archives = Files.list(app.resolve("lib"))) {
      for (Path archive : archives.filter(p -> p.toString().endsWith(".jsa")).toList()) {
        archive.toFile().setWritable(true);
        Files.writeString(archive, "not a CDS archive");
      }
    }
    Run run = runIn(app, withJavaHome(), temp, "validate", "examples/minimal.yaml");
    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
  }

  /**
   * With a Java that has no archive in the app folder (Temurin 25 beside the build's JDK on this
   * project's machines), wslnet runs without one: silently, and leaving nothing behind in the
   * user's home (an archive made there could be half-written by a killed run, or fill a disk).
   */
  @Test
  void anotherJavaRunsWithoutAnArchiveSilently() throws Exception {
    Path newer;
    try (var jdks = Files.list(Path.of("/usr/lib/jvm"))) {
      newer =
          jdks.filter(p -> p.getFileName().toString().startsWith("temurin-25"))
              .findFirst()
              .orElse(null);
    }
    org.junit.jupiter.api.Assumptions.assumeTrue(newer != null, "no Temurin 25 in /usr/lib/jvm");
    Path home = Files.createDirectories(temp.resolve("home"));
    Map<String, String> environment =
        Map.of("JAVA_HOME", newer.toString(), "PATH", "/usr/bin:/bin", "HOME", home.toString());
    Run run = run(environment, "validate", "examples/minimal.yaml");
    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    try (var left = Files.list(home)) {
      assertThat(left).isEmpty();
    }
  }

  /** Options meant for other Java programs do not reach wslnet, nor does a CDPATH move cd. */
  @Test
  void theEnvironmentOfOtherProgramsStaysOut() throws Exception {
    Map<String, String> environment = new java.util.HashMap<>(withJavaHome());
    environment.put("JAVA_TOOL_OPTIONS", "-XX:+UseG1GC");
    environment.put("JDK_JAVA_OPTIONS", "-Dx=y");
    environment.put("CDPATH", ".");
    Run run = run(environment, "--version");
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).startsWith("wslnet ");
  }

  /** A full disk fails the command, through the launcher too. */
  @Test
  void aFullDiskIsAFailure() throws Exception {
    ProcessBuilder builder = new ProcessBuilder(LAUNCHER.toString(), "schema");
    builder.environment().put("JAVA_HOME", JAVA_HOME);
    builder.redirectOutput(new java.io.File("/dev/full"));
    builder.redirectError(temp.resolve("err").toFile());
    Process process = builder.start();
    assertThat(process.waitFor()).isEqualTo(1);
    assertThat(Files.readString(temp.resolve("err"))).contains("cannot write the output");
  }

  /** A version manager's shim (asdf, say) is a script, not a link: it is run as it is. */
  @Test
  void aShimOnThePathIsRunAsItIs() throws Exception {
    Path shims = Files.createDirectories(temp.resolve("shims"));
    Path shim =
        Files.writeString(
            shims.resolve("java"),
            "#!/bin/sh\nexec '" + Path.of(JAVA_HOME, "bin", "java") + "' \"$@\"\n");
    shim.toFile().setExecutable(true);
    Run run = run(Map.of("PATH", shims + ":/usr/bin:/bin", "HOME", temp.toString()), "--version");
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).startsWith("wslnet ");
  }

  @Test
  void withoutJavaItSaysWhatToDo() throws Exception {
    Path tools = Files.createDirectories(temp.resolve("tools"));
    for (String tool : List.of("sh", "dirname", "readlink", "sed")) {
      Files.createSymbolicLink(tools.resolve(tool), Path.of("/bin", tool).toRealPath());
    }
    Run run = run(Map.of("PATH", tools.toString(), "HOME", temp.toString()), "--version");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("cannot find Java 17 or newer");
    assertThat(run.out()).isEmpty();
  }

  /**
   * A fake Java home: a {@code java} that prints {@code -version}'s first line as Java 8 does, and
   * a release file when one is given.
   */
  private Path fakeJava(String name, String versionLine, String release) throws IOException {
    Path home = Files.createDirectories(temp.resolve(name).resolve("bin")).getParent();
    if (release != null) {
      Files.writeString(home.resolve("release"), release);
    }
    Path java =
        Files.writeString(
            home.resolve("bin/java"), "#!/bin/sh\necho '" + versionLine + "' >&2\nexit 3\n");
    java.toFile().setExecutable(true);
    return home;
  }

  private Run runWithJavaHome(Path home) throws IOException, InterruptedException {
    return run(
        Map.of("JAVA_HOME", home.toString(), "PATH", "/usr/bin:/bin", "HOME", temp.toString()),
        "--version");
  }

  @Test
  void aJavaWithoutAReleaseFileIsAskedItsVersion() throws Exception {
    Run run = runWithJavaHome(fakeJava("jre8", "java version \"1.8.0_392\"", null));
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("needs Java 17 or newer").contains("Java 1.8.0_392");
  }

  @Test
  void aJavaTooOldIsNamed() throws Exception {
    Run run =
        runWithJavaHome(
            fakeJava("jdk11", "openjdk version \"11.0.2\"", "JAVA_VERSION=\"11.0.2\"\n"));
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("needs Java 17 or newer").contains("Java 11.0.2");
  }

  /**
   * Transparent huge pages are asked for exactly where the kernel offers them (its mode always or
   * madvise): with never, the JVM would switch the flag off and say so on stderr. The collector
   * goes with them: the parallel one with a young generation of up to 96 MB where fresh memory
   * comes in huge pages, else the serial one with 16 MB reused.
   */
  @Test
  void hugePagesExactlyWhereTheKernelOffersThem() throws Exception {
    Path home = echoingJava("17.0.15");
    Path mode = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
    boolean offered =
        Files.isReadable(mode) && Files.readString(mode).matches("(?s).*\\[(always|madvise)\\].*");
    Run run = runWithJavaHome(home);
    assertThat(run.exitCode()).isZero();
    assertThat(run.out().contains("-XX:+UseTransparentHugePages"))
        .as(
            "%s on a kernel whose mode is %s",
            run.out(), Files.isReadable(mode) ? Files.readString(mode) : "unknown")
        .isEqualTo(offered);
    if (!offered) {
      assertThat(run.out()).contains(SERIAL).doesNotContain("ParallelGC");
    }
  }

  private static final String SERIAL = "-XX:+UseSerialGC -Xmn16m";
  private static final String PARALLEL =
      "-XX:+UseParallelGC -XX:MaxNewSize=96m -XX:MaxTenuringThreshold=0";

  /**
   * The parallel collector only with 2 GiB of memory: its 96 MB of young generation left the old
   * one too small for a large plan below about 200 MB. A memory control group of 1 GiB (v1, as on
   * this project's machines) gets the serial one, also when the limit is set on a group above the
   * process's; one of 4 GiB the parallel one, where a run outside any test group gets it.
   */
  @Test
  void lessThanTwoGibibytesKeepTheSerialCollector() throws Exception {
    Path memory = Path.of("/sys/fs/cgroup/memory");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.isWritable(memory), "a writable cgroup v1 memory controller (root)");
    Path home = echoingJava("17.0.15");
    boolean parallelHere = runOutsideGroups(home).contains(PARALLEL);
    long id = ProcessHandle.current().pid();
    Path small = memory.resolve("wslnet-it-" + id);
    Path child = small.resolve("child");
    Path large = memory.resolve("wslnet-it-large-" + id);
    try {
      Files.createDirectories(child);
      Files.createDirectories(large);
      Files.writeString(small.resolve("memory.limit_in_bytes"), String.valueOf(1L << 30));
      Files.writeString(large.resolve("memory.limit_in_bytes"), String.valueOf(4L << 30));
      assertThat(runInGroup(small, home)).contains(SERIAL).doesNotContain("ParallelGC");
      assertThat(runInGroup(child, home)).contains(SERIAL).doesNotContain("ParallelGC");
      if (parallelHere) {
        assertThat(runInGroup(large, home)).contains(PARALLEL);
      }
    } finally {
      // A group goes once no process is left in it; each is removed on its own.
      for (Path group : List.of(child, small, large)) {
        try {
          Files.deleteIfExists(group);
        } catch (IOException e) {
          System.err.println("LauncherIT: could not remove " + group + ": " + e);
        }
      }
    }
  }

  /**
   * The launcher's memory check on made-up machines: MemTotal, and the limits of cgroup v2 and v1
   * at the process's group and above it, as roomy reads them from the files it is given.
   */
  @Test
  void theMemoryCheckReadsMemTotalAndEveryGroupAboveTheProcess() throws Exception {
    // The three functions as the launcher defines them, each from its first line to its closing
    // brace.
    String functions =
        java.util.regex.Pattern.compile("(?ms)^(is_count|groups_allow|roomy)\\(\\) \\{$.*?^}$")
            .matcher(Files.readString(LAUNCHER))
            .results()
            .map(found -> found.group() + "\n")
            .collect(java.util.stream.Collectors.joining());
    assertThat(functions).contains("is_count()", "groups_allow()", "roomy()");
    Path script = Files.writeString(temp.resolve("roomy.sh"), functions + "roomy \"$@\"\n");
    assertThat(roomy(script, 8_000_000, "0::/user.slice/app\n", Map.of())).isTrue();
    assertThat(roomy(script, 1_000_000, "0::/user.slice/app\n", Map.of())).isFalse();
    assertThat(roomy(script, 8_000_000, "", Map.of())).isTrue();
    assertThat(
            roomy(
                script,
                8_000_000,
                "0::/user.slice/app\n",
                Map.of("user.slice/memory.max", "1073741824", "user.slice/app/memory.max", "max")))
        .as("a v2 limit on the group above")
        .isFalse();
    assertThat(roomy(script, 8_000_000, "0::/\n", Map.of("memory.max", "max"))).isTrue();
    assertThat(roomy(script, 8_000_000, "0::/\n", Map.of("memory.max", "2147483647"))).isFalse();
    assertThat(roomy(script, 8_000_000, "0::/\n", Map.of("memory.max", "2147483648"))).isTrue();
    assertThat(
            roomy(
                script,
                8_000_000,
                "4:memory:/\n",
                Map.of("memory/memory.limit_in_bytes", "9223372036854771712")))
        .as("v1's value for no limit")
        .isTrue();
    assertThat(
            roomy(
                script,
                8_000_000,
                "5:cpu,memory:/a/b:\n",
                Map.of("memory/a/b:/memory.limit_in_bytes", "5")))
        .as("a v1 group whose name ends with a colon")
        .isFalse();
    assertThat(
            roomy(
                script,
                8_000_000,
                "0::/../x\n",
                Map.of("memory.max", "max", "../memory.max", "1073741824")))
        .as("a path with .. stands for the mount: nothing above it is read")
        .isTrue();
  }

  /** Whether roomy says 2 GiB on a machine of {@code memTotalKb} with these cgroup files. */
  private boolean roomy(Path script, long memTotalKb, String cgroups, Map<String, String> limits)
      throws IOException, InterruptedException {
    Path machine = Files.createTempDirectory(temp, "machine");
    Path sys = Files.createDirectories(machine.resolve("sys/fs/cgroup"));
    Files.writeString(machine.resolve("meminfo"), "MemTotal:       " + memTotalKb + " kB\n");
    Files.writeString(machine.resolve("cgroup"), cgroups);
    for (Map.Entry<String, String> limit : limits.entrySet()) {
      Path file = sys.resolve(limit.getKey()).normalize();
      Files.createDirectories(file.getParent());
      Files.writeString(file, limit.getValue() + "\n");
    }
    ProcessBuilder builder =
        new ProcessBuilder(
            "sh",
            script.toString(),
            machine.resolve("meminfo").toString(),
            machine.resolve("cgroup").toString(),
            sys.toString());
    builder.redirectOutput(temp.resolve("roomy.out").toFile());
    builder.redirectError(temp.resolve("roomy.err").toFile());
    Process process = builder.start();
    assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(Files.readString(temp.resolve("roomy.err"))).isEmpty();
    return process.exitValue() == 0;
  }

  /** What the echoing java was given by the launcher, outside any group a test makes. */
  private String runOutsideGroups(Path home) throws IOException, InterruptedException {
    return run(Map.of("JAVA_HOME", home.toString(), "PATH", "/usr/bin:/bin"), "plan").out();
  }

  /** What the echoing java was given by the launcher started in a memory control group. */
  private String runInGroup(Path group, Path home) throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(
            "sh",
            "-c",
            "echo $$ > \"$1/cgroup.procs\" && exec \"$2\" plan",
            "sh",
            group.toString(),
            LAUNCHER.toString());
    builder.environment().clear();
    builder.environment().putAll(Map.of("JAVA_HOME", home.toString(), "PATH", "/usr/bin:/bin"));
    Path out = temp.resolve("group.out");
    builder.redirectOutput(out.toFile());
    builder.redirectErrorStream(true);
    Process process = builder.start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError("the launcher did not finish in " + group);
    }
    return Files.readString(out);
  }

  /**
   * watch runs for days, and the young generation it fills between collections stays resident: it
   * keeps the serial collector with 16 MB, after options too, and so does an @file that picocli
   * expands (it may name watch); a file named watch does not.
   */
  @Test
  void watchKeepsASmallYoungGeneration() throws Exception {
    Map<String, String> environment =
        Map.of(
            "JAVA_HOME",
            echoingJava("17.0.15").toString(),
            "PATH",
            "/usr/bin:/bin",
            "HOME",
            temp.toString());
    assertThat(run(environment, "--no-color", "watch", "-f", "w.yaml").out())
        .contains(SERIAL)
        .doesNotContain("ParallelGC");
    assertThat(run(environment, "@arguments").out()).contains(SERIAL);
    if (run(environment, "plan").out().contains(PARALLEL)) {
      assertThat(run(environment, "validate", "watch").out()).contains(PARALLEL);
    }
  }

  /** A Java home of a version whose java prints the arguments the launcher gives it. */
  private Path echoingJava(String version) throws IOException {
    Path home = Files.createDirectories(temp.resolve("echo").resolve("bin")).getParent();
    Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
    Path java = Files.writeString(home.resolve("bin/java"), "#!/bin/sh\necho \"$@\"\n");
    java.toFile().setExecutable(true);
    return home;
  }

  /**
   * The jar goes on the boot class path as well as after -jar: with Java 25's AOT cache, classes of
   * the application class loader looked for the jar by its training path from the current folder
   * (JDK-8376576), which only a slower start would show.
   */
  @Test
  void theJarIsOnTheBootClassPathToo() throws Exception {
    Path home = echoingJava("25.0.3");
    Path jar = LAUNCHER.getParent().getParent().toRealPath().resolve("lib/wslnet.jar");
    Run run = runWithJavaHome(home);
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("-Xbootclasspath/a:" + jar + " -jar " + jar + " ");
  }

  /**
   * Java uses a release's AOT cache only while the jar has the time it had when the cache was made:
   * a copy that does not keep times (here) or an unzip that reads a zip's DOS time alone gives it
   * another one, and the launcher gives it back from lib/wslnet.jar.mtime, silently.
   */
  @Test
  void aReleaseJarGetsBackTheTimeItsCacheRecords() throws Exception {
    Path app = aReleaseWithItsTime(stamp -> stamp + "\n");
    Path jar = app.resolve("lib/wslnet.jar");
    Run run = runIn(app, Map.of("JAVA_HOME", echoingJava("25.0.3").toString()), temp, "--version");
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).contains("-XX:AOTCache=" + app.toRealPath().resolve("lib/wslnet.aot"));
    assertThat(Files.getLastModifiedTime(jar).toMillis()).isEqualTo(1_796_000_000_000L);
  }

  /**
   * Java checks nothing but the jar's size and time: a jar of the same size with other bytes (a
   * rebuild can make one) given the recorded time would run the cache's old classes, so it keeps
   * its own.
   */
  @Test
  void aJarWithOtherBytesKeepsItsTime() throws Exception {
    Path app = aReleaseWithItsTime(stamp -> stamp + "\n");
    Path jar = app.resolve("lib/wslnet.jar");
    byte[] bytes = Files.readAllBytes(jar);
    bytes[bytes.length - 1] ^= 1;
    Files.write(jar, bytes);
    FileTime before = Files.getLastModifiedTime(jar);
    Run run = runIn(app, Map.of("JAVA_HOME", echoingJava("25.0.3").toString()), temp, "--version");
    assertThat(run.err()).isEmpty();
    assertThat(Files.getLastModifiedTime(jar)).isEqualTo(before);
  }

  /**
   * A stamp that is not the time, the size and the hash of this jar, or that is no file, leaves the
   * jar as it is, and the launcher says nothing and waits for nothing.
   */
  @Test
  void aSpoiledStampLeavesTheJarAlone() throws Exception {
    List<UnaryOperator<String>> spoiled =
        List.of(
            stamp -> "",
            stamp -> "12; touch spoiled " + stamp.split(" ", 2)[1] + "\n",
            stamp -> "-" + stamp + "\n",
            stamp -> stamp.split(" ")[0] + "\n",
            stamp -> stamp.split(" ")[0] + " " + stamp.split(" ")[2] + "\n",
            stamp -> stamp.split(" ")[0] + " 1 " + stamp.split(" ")[2] + "\n",
            stamp -> stamp.substring(0, stamp.lastIndexOf(' ')) + " " + "0".repeat(64) + "\n");
    for (var spoil : spoiled) {
      leavesTheJarAlone(aReleaseWithItsTime(spoil));
    }
    for (String kind : List.of("directory", "fifo")) {
      Path app = aReleaseWithItsTime(stamp -> "");
      Path stamp = app.resolve("lib/wslnet.jar.mtime");
      Files.delete(stamp);
      if (kind.equals("directory")) {
        Files.createDirectory(stamp);
      } else {
        assertThat(new ProcessBuilder("mkfifo", stamp.toString()).start().waitFor()).isZero();
      }
      leavesTheJarAlone(app);
    }
  }

  private void leavesTheJarAlone(Path app) throws Exception {
    Path jar = app.resolve("lib/wslnet.jar");
    FileTime before = Files.getLastModifiedTime(jar);
    Run run = runIn(app, Map.of("JAVA_HOME", echoingJava("25.0.3").toString()), temp, "--version");
    Path stampFile = app.resolve("lib/wslnet.jar.mtime");
    String stamp =
        Files.isRegularFile(stampFile) ? Files.readString(stampFile) : stampFile.toString();
    assertThat(run.err()).as(stamp).isEmpty();
    assertThat(run.exitCode()).as(stamp).isZero();
    assertThat(Files.getLastModifiedTime(jar)).as(stamp).isEqualTo(before);
  }

  /**
   * A copy of the app folder as a release lays it out: an AOT cache, and lib/wslnet.jar.mtime made
   * by {@code stamp} from what the release writes there for a jar made at 1796000000 (seconds since
   * 1970): the time, the jar's size and its SHA-256.
   */
  private Path aReleaseWithItsTime(UnaryOperator<String> stamp) throws Exception {
    Path app = copyOfTheAppFolder();
    Files.writeString(app.resolve("lib/wslnet.aot"), "an AOT cache");
    byte[] digest =
        MessageDigest.getInstance("SHA-256")
            .digest(Files.readAllBytes(app.resolve("lib/wslnet.jar")));
    String written =
        "1796000000 "
            + Files.size(app.resolve("lib/wslnet.jar"))
            + " "
            + HexFormat.of().formatHex(digest);
    Files.writeString(app.resolve("lib/wslnet.jar.mtime"), stamp.apply(written));
    return app;
  }

  /**
   * In a real terminal (script(1) gives the launcher one) with stdout piped to cat: apply asks on
   * stderr, reads the answer from stdin, and keeps stdout free of the prompt and of colour.
   */
  @Test
  void applyAsksInATerminalEvenWithStdoutPiped() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/script")), "script(1) is missing");
    Path file = temp.resolve("wslnet.yaml");
    Files.writeString(
        file,
        "version: 1\nportProxy:\n  rules:\n"
            + "    - {listenAddress: 0.0.0.0, listenPort: 3000, connectAddress: $wsl}\n");
    Path sim = temp.resolve("host");
    Path out = temp.resolve("piped-stdout");
    ProcessBuilder builder =
        new ProcessBuilder(
            "/usr/bin/script",
            "-qec",
            "'"
                + LAUNCHER
                + "' apply -f '"
                + file
                + "' --host 'sim:"
                + sim
                + "' | cat > '"
                + out
                + "'",
            "/dev/null");
    builder.environment().put("JAVA_HOME", JAVA_HOME);
    builder.redirectErrorStream(true);
    builder.redirectOutput(temp.resolve("terminal").toFile());
    Process process = builder.start();
    // The prompt comes after the plan: answer once it is there.
    for (int i = 0; i < 300; i++) {
      if (Files.exists(temp.resolve("terminal"))
          && Files.readString(temp.resolve("terminal")).contains("Apply these changes?")) {
        break;
      }
      Thread.sleep(100);
    }
    try (var stdin = process.getOutputStream()) {
      stdin.write("yes\n".getBytes(StandardCharsets.UTF_8));
    }
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(Files.readString(temp.resolve("terminal"))).isZero();
    assertThat(Files.readString(temp.resolve("terminal"))).contains("Apply these changes?");
    assertThat(Files.readString(out))
        .contains("Apply complete")
        .doesNotContain("Apply these changes?")
        .doesNotContain("\u001b[");
  }
}
