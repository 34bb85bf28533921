package dev.wslnet.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.dockerjava.api.model.Capability;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * wslnet inside a distro-like Linux with its own network namespace: a debootstrapped Debian with a
 * JRE (tools/distro-image/build.sh), WSL's markers, and interop programs played by {@link
 * WindowsSimulator}. Tests only run commands inside containers; nothing is sent to a container's
 * address.
 */
@Tag("container")
@Testcontainers(disabledWithoutDocker = true)
class DistroContainerIT {
  static final String IMAGE =
      System.getenv().getOrDefault("WSLNET_DISTRO_IMAGE", "wslnet-distro:bookworm");
  private static final String JAR = "/opt/wslnet/wslnet.jar";
  private static final String FILE = "/opt/wslnet/wslnet.yaml";
  private static final String STATE = WindowsSimulator.STATE.toString();

  private final List<GenericContainer<?>> started = new ArrayList<>();
  private final List<Network> networks = new ArrayList<>();

  @BeforeEach
  void imageIsThere() {
    boolean present;
    try {
      DockerClientFactory.instance().client().inspectImageCmd(IMAGE).exec();
      present = true;
    } catch (RuntimeException e) {
      present = false;
    }
    assumeTrue(
        present,
        "skipped: the image " + IMAGE + " is missing; build it with tools/distro-image/build.sh");
    assumeTrue(
        Files.exists(Path.of("target/wslnet.jar")),
        "skipped: target/wslnet.jar is missing (mvn test builds it)");
  }

  @AfterEach
  void stop() {
    started.forEach(GenericContainer::stop);
    networks.forEach(Network::close);
  }

  private GenericContainer<?> distro(Network network) {
    return distro(network, false);
  }

  /**
   * @param netAdmin the distro may change its own interface's address, as WSL does when its VM
   *     starts again
   */
  private GenericContainer<?> distro(Network network, boolean netAdmin) {
    GenericContainer<?> container =
        new GenericContainer<>(DockerImageName.parse(IMAGE))
            .withCommand("sleep", "infinity")
            .withEnv("WSL_DISTRO_NAME", "Debian")
            .withEnv("WSL_INTEROP", "/run/WSL/1_interop")
            .withCopyFileToContainer(MountableFile.forHostPath("target/wslnet.jar"), JAR)
            .withCopyFileToContainer(
                MountableFile.forHostPath("target/test-classes/dev/wslnet/container"),
                "/opt/wslnet/sim/dev/wslnet/container")
            .withCopyFileToContainer(
                MountableFile.forClasspathResource("container/wslnet.yaml"), FILE);
    for (String program : List.of("powershell.exe", "wsl.exe", "wslinfo", "wslpath")) {
      container.withCopyFileToContainer(
          MountableFile.forClasspathResource("container/bin/" + program, 0755),
          "/usr/local/bin/" + program);
    }
    if (network != null) {
      container.withNetwork(network);
    }
    if (netAdmin) {
      container.withCreateContainerCmdModifier(
          command -> command.getHostConfig().withCapAdd(Capability.NET_ADMIN));
    }
    container.start();
    started.add(container);
    return container;
  }

  private static ExecResult exec(GenericContainer<?> container, String... command)
      throws Exception {
    return container.execInContainer(command);
  }

  private static ExecResult wslnet(GenericContainer<?> container, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("java", "-jar", JAR));
    command.addAll(List.of(args));
    return container.execInContainer(command.toArray(String[]::new));
  }

  private static List<String> powershellLog(GenericContainer<?> container) throws Exception {
    String log = exec(container, "cat", STATE + "/" + WindowsSimulator.LOG).getStdout();
    return log.lines().filter(line -> line.startsWith("powershell.exe")).toList();
  }

  @Test
  void planResolvesWslToEth0AndTheHostToTheDefaultGateway() throws Exception {
    GenericContainer<?> distro = distro(null);
    ExecResult plan = wslnet(distro, "plan", "-f", FILE, "--host", "wsl", "--json");
    assertThat(plan.getExitCode()).as(plan.getStderr()).isZero();
    String eth0 = exec(distro, "ip", "-4", "-o", "addr", "show", "eth0").getStdout();
    String address = eth0.split("inet ")[1].split("/")[0];
    String route = exec(distro, "ip", "route", "show", "default").getStdout();
    String gateway = route.split("via ")[1].split(" ")[0];
    assertThat(plan.getStdout())
        .contains("\"wsl_address\" : \"" + address + "\"")
        .contains("\"host_address\" : \"" + gateway + "\"")
        .contains("\"connectAddress\" : \"" + address + "\"");
  }

  @Test
  void applyThenPlanConvergeWithOneProcessToObserveAndOneToApply() throws Exception {
    GenericContainer<?> distro = distro(null);
    ExecResult apply = wslnet(distro, "apply", "-f", FILE, "--host", "wsl", "--auto-approve");
    assertThat(apply.getExitCode()).as(apply.getStdout() + apply.getStderr()).isZero();
    assertThat(powershellLog(distro))
        .containsExactly("powershell.exe observe", "powershell.exe apply");
    ExecResult plan = wslnet(distro, "plan", "-f", FILE, "--host", "wsl", "--detailed-exitcode");
    assertThat(plan.getExitCode()).as(plan.getStdout()).isZero();
    assertThat(exec(distro, "cat", STATE + "/.wslconfig").getStdout())
        .isEqualTo("[wsl2]\nnetworkingMode=nat\nmemory=4GB\n");
  }

  @Test
  void aNewVmAddressMakesTheForwardsDriftAndApplyFixesThem() throws Exception {
    GenericContainer<?> first = distro(null);
    assertThat(wslnet(first, "apply", "-f", FILE, "--host", "wsl", "--auto-approve").getExitCode())
        .isZero();
    String oldAddress =
        exec(first, "ip", "-4", "-o", "addr", "show", "eth0")
            .getStdout()
            .split("inet ")[1]
            .split("/")[0];
    Path saved = Files.createTempDirectory("wslnet-sim-state");
    for (String file : List.of("host.json", ".wslconfig")) {
      first.copyFileFromContainer(STATE + "/" + file, saved.resolve(file).toString());
    }
    Network other = Network.newNetwork();
    networks.add(other);
    GenericContainer<?> second = distro(other);
    for (String file : List.of("host.json", ".wslconfig")) {
      second.copyFileToContainer(
          MountableFile.forHostPath(saved.resolve(file)), STATE + "/" + file);
    }
    String newAddress =
        exec(second, "ip", "-4", "-o", "addr", "show", "eth0")
            .getStdout()
            .split("inet ")[1]
            .split("/")[0];
    assertThat(newAddress).isNotEqualTo(oldAddress);
    ExecResult drift = wslnet(second, "plan", "-f", FILE, "--host", "wsl", "--detailed-exitcode");
    assertThat(drift.getExitCode()).as(drift.getStdout() + drift.getStderr()).isEqualTo(2);
    assertThat(drift.getStdout())
        .contains("~ portProxy[v4tov4 0.0.0.0:3000]")
        .contains(oldAddress + " -> " + newAddress + " ($wsl)");
    assertThat(wslnet(second, "apply", "-f", FILE, "--host", "wsl", "--auto-approve").getExitCode())
        .isZero();
    assertThat(
            wslnet(second, "plan", "-f", FILE, "--host", "wsl", "--detailed-exitcode")
                .getExitCode())
        .isZero();
  }

  /**
   * The watch inside the distro reads eth0 every interval, for free; when its address changes (here
   * by ip addr, in the same subnet, with the default route put back), it plans once and moves the
   * forward on the simulated Windows side.
   */
  @Test
  void watchFollowsANewAddressOfTheDistrosInterface() throws Exception {
    GenericContainer<?> distro = distro(null, true);
    String eth0 = exec(distro, "ip", "-4", "-o", "addr", "show", "eth0").getStdout();
    String cidr = eth0.split("inet ")[1].split(" ")[0];
    String oldAddress = cidr.split("/")[0];
    String gateway =
        exec(distro, "ip", "route", "show", "default").getStdout().split("via ")[1].split(" ")[0];
    String[] octets = oldAddress.split("\\.");
    String newAddress = octets[0] + "." + octets[1] + "." + octets[2] + ".250";
    assertThat(newAddress).isNotEqualTo(oldAddress);
    ExecResult started =
        exec(
            distro,
            "sh",
            "-c",
            "nohup java -jar "
                + JAR
                + " watch -f "
                + FILE
                + " --host wsl --interval 300ms --log /tmp/watch.log >/tmp/watch.out 2>&1 &"
                + " echo $! >/tmp/watch.pid");
    assertThat(started.getExitCode()).isZero();
    awaitInContainer(distro, "/tmp/watch.log", "applied");
    assertThat(forwardTarget(distro)).isEqualTo(oldAddress);

    ExecResult moved =
        exec(
            distro,
            "sh",
            "-c",
            "ip addr del "
                + cidr
                + " dev eth0 && ip addr add "
                + newAddress
                + "/"
                + cidr.split("/")[1]
                + " dev eth0 && ip route replace default via "
                + gateway);
    assertThat(moved.getExitCode()).as(moved.getStderr()).isZero();

    // Between the two ip commands the distro may have no address: then the log says
    // "old -> (none: …)" and "(none: …) -> new", as while WSL restarts.
    awaitInContainer(distro, "/tmp/watch.log", " -> " + newAddress);
    assertThat(exec(distro, "cat", "/tmp/watch.log").getStdout())
        .contains("WSL VM address " + oldAddress + " -> ");
    awaitInContainer(distro, "/tmp/watch.log", "(~ portProxy[v4tov4 0.0.0.0:3000]): ok");
    assertThat(forwardTarget(distro)).isEqualTo(newAddress);
    assertThat(exec(distro, "sh", "-c", "kill -TERM $(cat /tmp/watch.pid)").getExitCode()).isZero();
    awaitInContainer(distro, "/tmp/watch.log", " stopped");
  }

  @Test
  void installUnitWritesAUserUnitWhereSystemdRunsAndSaysWhatToDoWhereItDoesNot() throws Exception {
    GenericContainer<?> distro = distro(null);
    exec(distro, "sh", "-c", "mkdir -p /opt/wslnet/bin && touch /opt/wslnet/bin/wslnet");
    String[] install = {
      "watch", "--install-unit", "-f", FILE, "--launcher", "/opt/wslnet/bin/wslnet"
    };
    ExecResult withoutSystemd = wslnet(distro, install);
    assertThat(withoutSystemd.getExitCode()).isEqualTo(1);
    assertThat(withoutSystemd.getStderr()).contains("systemd does not run in this distro");

    exec(distro, "mkdir", "-p", "/run/systemd/system");
    ExecResult installed = wslnet(distro, install);
    assertThat(installed.getExitCode()).as(installed.getStderr()).isZero();
    assertThat(installed.getStdout())
        .contains("systemctl --user enable --now wslnet-watch.service");
    assertThat(exec(distro, "cat", "/root/.config/systemd/user/wslnet-watch.service").getStdout())
        .contains(
            "ExecStart=\"/opt/wslnet/bin/wslnet\" \"watch\" \"-f\" \""
                + FILE
                + "\" \"--host\" \"wsl\" \"--interval\" \"2s\"");
  }

  private static String forwardTarget(GenericContainer<?> container) throws Exception {
    String hostJson = exec(container, "cat", STATE + "/host.json").getStdout();
    return tools.jackson.databind.json.JsonMapper.builder()
        .build()
        .readTree(hostJson)
        .path("portProxy")
        .path(0)
        .path("connectAddress")
        .asString("");
  }

  private static void awaitInContainer(GenericContainer<?> container, String file, String text)
      throws Exception {
    String content = "";
    for (int i = 0; i < 300; i++) {
      content = exec(container, "cat", file).getStdout();
      if (content.contains(text)) {
        return;
      }
      Thread.sleep(200);
    }
    assertThat(content + exec(container, "cat", "/tmp/watch.out").getStdout()).contains(text);
  }

  @Test
  void autoPicksWslAndTheJarNeedsNothingButTheJre() throws Exception {
    GenericContainer<?> distro = distro(null);
    ExecResult plan = wslnet(distro, "plan", "-f", FILE);
    assertThat(plan.getExitCode()).as(plan.getStderr()).isZero();
    assertThat(plan.getStdout()).startsWith("Host wsl:");
    assertThat(
            exec(distro, "sh", "-c", "command -v mvn || command -v javac || echo none")
                .getStdout()
                .trim())
        .isEqualTo("none");
  }

  @Test
  void withoutInteropTheErrorNamesTheFix() throws Exception {
    GenericContainer<?> distro = distro(null);
    ExecResult noInterop =
        exec(
            distro,
            "env",
            "-u",
            "WSL_INTEROP",
            "java",
            "-jar",
            JAR,
            "plan",
            "-f",
            FILE,
            "--host",
            "wsl");
    assertThat(noInterop.getExitCode()).isEqualTo(1);
    assertThat(noInterop.getStderr())
        .contains("WSL_INTEROP")
        .contains("sudo --preserve-env=WSL_INTEROP");
    ExecResult noPowerShell =
        exec(
            distro,
            "env",
            "PATH=/usr/bin:/bin",
            "java",
            "-jar",
            JAR,
            "plan",
            "-f",
            FILE,
            "--host",
            "wsl");
    assertThat(noPowerShell.getExitCode()).isEqualTo(1);
    assertThat(noPowerShell.getStderr())
        .contains("powershell.exe is not on PATH")
        .contains("appendWindowsPath");
  }

  @Test
  void notElevatedRefusesAndElevateGoesThroughTheUacPath() throws Exception {
    GenericContainer<?> distro = distro(null);
    assertThat(wslnet(distro, "show", "--host", "wsl").getExitCode()).isZero();
    exec(distro, "sed", "-i", "s/\"elevated\" : true/\"elevated\" : false/", STATE + "/host.json");
    String before =
        exec(
                distro,
                "sh",
                "-c",
                "cat " + STATE + "/host.json; cat " + STATE + "/.wslconfig 2>/dev/null")
            .getStdout();
    ExecResult refused = wslnet(distro, "apply", "-f", FILE, "--host", "wsl", "--auto-approve");
    assertThat(refused.getExitCode()).isEqualTo(1);
    assertThat(refused.getStderr()).contains("need an administrator").contains("--elevate");
    assertThat(
            exec(
                    distro,
                    "sh",
                    "-c",
                    "cat " + STATE + "/host.json; cat " + STATE + "/.wslconfig 2>/dev/null")
                .getStdout())
        .isEqualTo(before);
    ExecResult elevated =
        wslnet(distro, "apply", "-f", FILE, "--host", "wsl", "--auto-approve", "--elevate");
    assertThat(elevated.getExitCode()).as(elevated.getStdout() + elevated.getStderr()).isZero();
    assertThat(elevated.getStdout()).contains("Converged");
    assertThat(
            new String(
                exec(distro, "cat", STATE + "/host.json")
                    .getStdout()
                    .getBytes(StandardCharsets.UTF_8),
                StandardCharsets.UTF_8))
        .contains("\"elevated\" : false");
  }
}
