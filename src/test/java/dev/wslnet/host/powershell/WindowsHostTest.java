package dev.wslnet.host.powershell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wslnet.host.Applied;
import dev.wslnet.host.HostException;
import dev.wslnet.host.local.LocalSide;
import dev.wslnet.host.windows.WindowsValues;
import dev.wslnet.hypervfirewall.HyperVFirewallKind;
import dev.wslnet.hypervfirewall.HyperVRuleRemove;
import dev.wslnet.model.FieldValue;
import dev.wslnet.model.FirewallRule;
import dev.wslnet.model.ObservedState;
import dev.wslnet.model.PortProxyEntry;
import dev.wslnet.model.PortProxyType;
import dev.wslnet.operation.Operation;
import dev.wslnet.operation.WslShutdown;
import dev.wslnet.portproxy.PortProxyKind;
import dev.wslnet.portproxy.PortProxySet;
import dev.wslnet.windowsfirewall.WindowsFirewallKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The PowerShell host against recorded answers built from real Windows outputs (reference, sections
 * 2 to 4).
 */
class WindowsHostTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  static JsonNode fixture() throws Exception {
    return JSON.readTree(
        Files.readString(Path.of("src/test/resources/powershell/observe-windows11.json")));
  }

  /** The script's answer to an apply: no results yet, and the observation after it. */
  private static ObjectNode applied(JsonNode observation) {
    ObjectNode answer = JsonNodeFactory.instance.objectNode();
    answer.putArray("results");
    answer.set("observation", observation);
    return answer;
  }

  /**
   * The script's answer to a request to apply: each operation succeeded, on the recorded Windows 11
   * machine.
   */
  static ObjectNode succeeded(JsonNode request) {
    try {
      ObjectNode answer = applied(fixture());
      request
          .path("operations")
          .forEach(operation -> answer.withArray("results").addObject().put("ok", true));
      return answer;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static WindowsHost local(FakeRunner runner) {
    return new WindowsHost(
        "local", new LocalSide(Map.of("USERPROFILE", "C:\\Users\\dev")), runner, false);
  }

  @Test
  void observesWithOnePowerShellProcessAndTheExactCommandLine() throws Exception {
    JsonNode fixture = fixture();
    FakeRunner runner = new FakeRunner(request -> fixture);
    local(runner).observe(Optional.of("wslnet"));

    assertThat(runner.commands).hasSize(1);
    List<String> command = runner.commands.get(0);
    assertThat(command.subList(0, 6))
        .containsExactly(
            "powershell.exe",
            "-NoProfile",
            "-NonInteractive",
            "-ExecutionPolicy",
            "Bypass",
            "-EncodedCommand");
    assertThat(new String(Base64.getDecoder().decode(command.get(6)), StandardCharsets.UTF_16LE))
        .isEqualTo(PowerShell.BOOTSTRAP);
    PowerShell.Input input = runner.inputs.get(0);
    assertThat(input.script())
        .isEqualTo(Files.readString(Path.of("src/main/resources/powershell/wslnet.ps1")));
    assertThat(input.request().toString())
        .isEqualTo("{\"mode\":\"observe\",\"group\":\"wslnet\",\"wslQueries\":true}");
  }

  @Test
  void readsRealWindowsOutputs() throws Exception {
    JsonNode fixture = fixture();
    ObservedState observed =
        local(new FakeRunner(request -> fixture)).observe(Optional.of("wslnet"));

    assertThat(observed.facts().windowsBuild()).isEqualTo(26200);
    assertThat(observed.facts().wslVersion())
        .as("from UTF-16LE wsl --version")
        .isEqualTo("2.7.10.0");
    assertThat(observed.facts().elevated()).isFalse();
    assertThat(observed.facts().wslAddress())
        .as("the first of hostname -I")
        .contains("172.18.2.231");
    assertThat(observed.facts().hostAddress()).contains("172.18.0.1");
    assertThat(observed.facts().runningNetworkingMode()).contains("nat");
    assertThat(observed.wslconfigPath())
        .isEqualTo(Path.of("C:\\Users\\dev").resolve(".wslconfig").toString());
    assertThat(new String(observed.wslconfig().orElseThrow(), StandardCharsets.UTF_8))
        .isEqualTo("[wsl2]\r\nnetworkingMode=nat\r\n");
    assertThat(PortProxyKind.forwards(observed))
        .containsExactly(
            new PortProxyEntry(PortProxyType.V4_TO_V4, "*", 80, "172.28.118.26", 80),
            new PortProxyEntry(PortProxyType.V4_TO_V4, "0.0.0.0", 1024, "192.168.198.200", 2049),
            new PortProxyEntry(
                PortProxyType.V4_TO_V4, "127.0.0.1", 445, "gzsc.myqnapcloud.cn", 4450),
            new PortProxyEntry(PortProxyType.V6_TO_V6, "::1", 8080, "fd00::1", 80),
            new PortProxyEntry(PortProxyType.V4_TO_V6, "0.0.0.0", 8001, "::1", 8001));
    assertThat(HyperVFirewallKind.settings(observed))
        .containsEntry("enabled", new FieldValue.Flag(true))
        .containsEntry("defaultInboundAction", new FieldValue.Text("Block"));
    assertThat(HyperVFirewallKind.rules(observed))
        .extracting(FirewallRule::name)
        .containsExactly(
            "WslCore-Allow-Inbound-ICMPv4-1-40e0ac32-46a5-438a-a0b2-2b479e8f2e90", "MyWebServer");
    FirewallRule web = HyperVFirewallKind.rules(observed).get(1);
    assertThat(web.field("profiles")).contains(new FieldValue.Texts(List.of("Private", "Public")));
    assertThat(web.field("localPorts")).contains(new FieldValue.Texts(List.of("80")));
    FirewallRule windows = WindowsFirewallKind.rules(observed).get(0);
    assertThat(windows.field("program")).as("Any means no program").isEmpty();
    assertThat(windows.field("description")).isEmpty();
    assertThat(windows.field("remoteAddresses"))
        .contains(new FieldValue.Texts(List.of("LocalSubnet")));
  }

  @Test
  void aListThatPowerShellUnrolledToOneTextIsStillAList() {
    JsonNode single = JsonNodeFactory.instance.stringNode("80");
    assertThat(WindowsValues.ruleField("localPorts", single))
        .isEqualTo(new FieldValue.Texts(List.of("80")));
    assertThat(WindowsValues.ruleField("protocol", JsonNodeFactory.instance.stringNode("6")))
        .isEqualTo(new FieldValue.Text("TCP"));
    assertThat(WindowsValues.ruleField("enabled", JsonNodeFactory.instance.stringNode("False")))
        .isEqualTo(new FieldValue.Flag(false));
  }

  @Test
  void decodesLocalizedWslVersionInUtf16() throws Exception {
    byte[] german =
        Files.readAllBytes(Path.of("src/test/resources/powershell/wsl-version-de.utf16le"));
    String text = Observation.decodeOutput(german);
    assertThat(text).startsWith("WSL-Version: 2.5.6.0");
    assertThat(Observation.wslVersion(text)).contains("2.5.6.0");
    assertThat(Observation.decodeOutput("WSL version: 2.3.26.0\n".getBytes(StandardCharsets.UTF_8)))
        .as("with WSL_UTF8=1")
        .startsWith("WSL version");
  }

  @Test
  void appliesInOneProcessAndReadsEachResult() throws Exception {
    JsonNode fixture = fixture();
    FakeRunner runner =
        new FakeRunner(
            request -> {
              ObjectNode answer = applied(fixture);
              answer.withArray("results").addObject().put("ok", true);
              answer
                  .withArray("results")
                  .addObject()
                  .put("ok", false)
                  .put(
                      "error",
                      "The requested operation requires elevation (Run as administrator).");
              return answer;
            });
    WindowsHost host = local(runner);
    List<Operation> operations =
        List.of(
            new PortProxySet(
                new PortProxyEntry(PortProxyType.V4_TO_V4, "0.0.0.0", 4000, "172.18.2.231", 4000)),
            new HyperVRuleRemove("Old"));
    Applied applied = host.apply(operations, Optional.of("wslnet"));

    assertThat(runner.powershellProcesses()).isEqualTo(1);
    JsonNode request = runner.inputs.get(0).request();
    assertThat(request.path("mode").asString()).isEqualTo("apply");
    assertThat(request.path("operations").toString())
        .isEqualTo(
            "[{\"kind\":\"portProxy.set\",\"type\":\"v4tov4\",\"listenAddress\":\"0.0.0.0\","
                + "\"listenPort\":4000,\"connectAddress\":\"172.18.2.231\",\"connectPort\":4000},"
                + "{\"kind\":\"hyperVRule.remove\",\"name\":\"Old\"}]");
    assertThat(applied.results().get(0).succeeded()).isTrue();
    assertThat(applied.results().get(1).error())
        .contains("The requested operation requires elevation (Run as administrator).");
    assertThat(PortProxyKind.forwards(applied.observed())).hasSize(5);
  }

  @Test
  void elevatePassesTheScriptAndTheRequestAsData() throws Exception {
    JsonNode fixture = fixture();
    FakeRunner runner =
        new FakeRunner(
            request -> {
              ObjectNode answer = applied(fixture);
              answer.withArray("results").addObject().put("ok", true);
              return answer;
            });
    WindowsHost host = new WindowsHost("local", new LocalSide(Map.of()), runner, true);
    host.apply(List.of(new HyperVRuleRemove("web")), Optional.empty());
    JsonNode request = runner.inputs.get(0).request();
    assertThat(
            new String(
                Base64.getDecoder().decode(request.path("elevate").path("script").asString()),
                StandardCharsets.UTF_8))
        .isEqualTo(PowerShell.script());
    JsonNode inner =
        JSON.readTree(
            new String(
                Base64.getDecoder().decode(request.path("elevate").path("request").asString()),
                StandardCharsets.UTF_8));
    assertThat(inner.path("mode").asString()).isEqualTo("apply");
    assertThat(inner.path("operations")).hasSize(1);

    // wsl --shutdown alone needs no administrator: no elevation, no UAC prompt.
    host.apply(List.of(new WslShutdown()), Optional.empty());
    assertThat(runner.inputs.get(1).request().has("elevate")).isFalse();
  }

  @Test
  void failuresBecomeClearErrors() {
    ProcessRunner missing =
        (command, stdin, timeout) -> {
          throw new java.io.IOException(
              "Cannot run program \"powershell.exe\": error=2, No such file or directory");
        };
    assertThatThrownBy(
            () ->
                new WindowsHost("wsl", new LocalSide(Map.of()), missing, false)
                    .observe(Optional.empty()))
        .isInstanceOf(HostException.class)
        .hasMessageContaining("cannot start powershell.exe")
        .hasMessageContaining("WSL_INTEROP");
    ProcessRunner slow =
        (command, stdin, timeout) -> {
          throw new ProcessTimeoutException("powershell.exe did not finish within 300 s");
        };
    assertThatThrownBy(
            () ->
                new WindowsHost("local", new LocalSide(Map.of()), slow, false)
                    .observe(Optional.empty()))
        .isInstanceOf(HostException.class)
        .hasMessageContaining("did not observe local within 5 minutes");
    ProcessRunner broken =
        (command, stdin, timeout) ->
            new ProcessResult(
                1,
                new byte[0],
                "Get-NetFirewallHyperVRule : Access is denied.".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(
            () ->
                new WindowsHost("local", new LocalSide(Map.of()), broken, false)
                    .observe(Optional.empty()))
        .isInstanceOf(HostException.class)
        .hasMessageContaining("PowerShell failed to observe local (exit 1)")
        .hasMessageContaining("Access is denied.");
  }

  @Test
  void aGarbledObservationIsAClearError() throws Exception {
    ObjectNode garbled = ((ObjectNode) fixture()).put("wslconfig", "not base64 at all!");
    assertThatThrownBy(() -> local(new FakeRunner(request -> garbled)).observe(Optional.empty()))
        .isInstanceOf(HostException.class)
        .hasMessageContaining("is not what wslnet expects");
    ObjectNode noProfile = ((ObjectNode) fixture()).put("userProfile", "");
    assertThatThrownBy(() -> local(new FakeRunner(request -> noProfile)).observe(Optional.empty()))
        .isInstanceOf(HostException.class)
        .hasMessageContaining("user profile");
  }

  @Test
  void aResultCountThatDoesNotMatchIsAnError() throws Exception {
    JsonNode fixture = fixture();
    FakeRunner runner = new FakeRunner(request -> applied(fixture));
    assertThatThrownBy(() -> local(runner).apply(List.of(new WslShutdown()), Optional.empty()))
        .isInstanceOf(HostException.class)
        .hasMessageContaining("0 results for 1 operations");
  }

  @Test
  @DisabledOnOs(OS.WINDOWS)
  void theSystemRunnerRunsRealProcessesAndStopsSlowOnes() throws Exception {
    SystemProcessRunner runner = new SystemProcessRunner();
    ProcessResult echoed =
        runner.run(List.of("cat"), "data".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(20));
    assertThat(echoed.stdoutText()).isEqualTo("data");
    assertThatThrownBy(
            () -> runner.run(List.of("sleep", "30"), new byte[0], Duration.ofMillis(300)))
        .isInstanceOf(ProcessTimeoutException.class);
    assertThatThrownBy(
            () -> runner.run(List.of("no-such-program-wslnet"), new byte[0], Duration.ofSeconds(5)))
        .isInstanceOf(java.io.IOException.class);
  }

  /**
   * Plan starts PowerShell before it knows the request: the process waits for its input, gets it
   * whole, and is killed when the request never comes (an invalid file).
   */
  @Test
  @DisabledOnOs(OS.WINDOWS)
  void aProcessStartedEarlyWaitsForItsInputAndIsStoppedWithoutIt(@TempDir Path temp)
      throws Exception {
    SystemProcessRunner runner = new SystemProcessRunner();
    Path started = temp.resolve("started");
    try (ProcessRunner.Started early =
        runner.start(List.of("sh", "-c", "touch \"$1\"; cat", "sh", started.toString()))) {
      waitFor(started);
      ProcessResult echoed =
          early.finish("late data".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(20));
      assertThat(echoed.exitCode()).isZero();
      assertThat(echoed.stdoutText()).isEqualTo("late data");
    }

    // The shell starts a child of its own first, as PowerShell's script starts netsh and wsl.exe.
    Path pids = temp.resolve("pids");
    ProcessRunner.Started abandoned =
        runner.start(
            List.of(
                "sh",
                "-c",
                "sleep 300 & echo \"$$ $!\" > \"$1.tmp\"; mv \"$1.tmp\" \"$1\"; cat",
                "sh",
                pids.toString()));
    waitFor(pids);
    List<ProcessHandle> shellAndChild =
        Arrays.stream(Files.readString(pids).strip().split(" "))
            .map(pid -> ProcessHandle.of(Long.parseLong(pid)).orElseThrow())
            .toList();
    assertThat(shellAndChild).hasSize(2).allMatch(ProcessHandle::isAlive);
    abandoned.close();
    for (ProcessHandle process : shellAndChild) {
      assertThat(process.onExit().get(20, TimeUnit.SECONDS).isAlive()).isFalse();
    }
  }

  private static void waitFor(Path file) throws InterruptedException {
    for (int i = 0; i < 400 && !Files.exists(file); i++) {
      Thread.sleep(50);
    }
    assertThat(file).exists();
  }
}
