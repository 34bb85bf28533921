package dev.wslnet.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wslnet.cli.CliRun;
import dev.wslnet.testing.SimDir;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Windows' own forms of "all" and "not set" through plan and show: an empty list is the same as
 * [Any], and a VM setting that does not exist, or a host without Hyper-V cmdlets, gives a show that
 * plans empty.
 */
class WindowsFormsPlanTest {
  @TempDir Path temp;

  @Test
  void anEmptyListOnTheHostIsAny() throws Exception {
    SimDir host =
        SimDir.fresh(temp)
            .edit(
                root ->
                    root.withObject("hyperVFirewall")
                        .withArray("rules")
                        .addObject()
                        .put("name", "web")
                        .put("protocol", "TCP")
                        .putArray("remoteAddresses"));
    Path file =
        Files.writeString(
            temp.resolve("wslnet.yaml"),
            """
            version: 1
            hyperVFirewall:
              rules:
                - {name: web, protocol: TCP, remoteAddresses: [Any]}
            """);
    CliRun plan =
        CliRun.run("plan", "-f", file.toString(), "--host", host.spec(), "--detailed-exitcode");
    assertThat(plan.exitCode()).as(plan.out()).isZero();
    CliRun show = CliRun.run("show", "--host", host.spec());
    assertThat(show.out()).contains("name: \"web\"").doesNotContain("remoteAddresses");
  }

  @Test
  void showPlansEmptyWithoutAVmSettingOrWithoutHyperVCmdlets() throws Exception {
    SimDir noSetting =
        SimDir.fresh(temp.resolve("a"))
            .edit(root -> root.withObject("hyperVFirewall").putNull("settings"));
    SimDir noCmdlets =
        SimDir.fresh(temp.resolve("b"))
            .edit(root -> root.withObject("facts").put("hyperVFirewallAvailable", false));
    for (SimDir host : new SimDir[] {noSetting, noCmdlets}) {
      CliRun show = CliRun.run("show", "--host", host.spec());
      assertThat(show.exitCode()).isZero();
      assertThat(show.out()).doesNotContain("hyperVFirewall");
      Path shown = Files.writeString(temp.resolve("shown.yaml"), show.out());
      CliRun plan =
          CliRun.run("plan", "-f", shown.toString(), "--host", host.spec(), "--detailed-exitcode");
      assertThat(plan.exitCode()).as(plan.out() + plan.err()).isZero();
    }
  }

  /** Issue 10: a display name that differs only in case planned "No changes" forever. */
  @Test
  void aDisplayNameThatDiffersInCaseIsAChange() throws Exception {
    SimDir host =
        SimDir.fresh(temp)
            .edit(
                root ->
                    root.withObject("windowsFirewall")
                        .withArray("rules")
                        .addObject()
                        .put("name", "web")
                        .put("group", "wslnet")
                        .put("displayName", "my web server"));
    Path file =
        Files.writeString(
            temp.resolve("wslnet.yaml"),
            """
            version: 1
            windowsFirewall:
              group: wslnet
              rules:
                - {name: WEB, displayName: My Web Server}
            """);
    CliRun plan =
        CliRun.run("plan", "-f", file.toString(), "--host", host.spec(), "--detailed-exitcode");
    assertThat(plan.exitCode()).as(plan.out()).isEqualTo(2);
    assertThat(plan.out())
        .contains("my web server -> My Web Server")
        .doesNotContain("+ windowsFirewall");
    CliRun apply =
        CliRun.run("apply", "-f", file.toString(), "--host", host.spec(), "--auto-approve");
    assertThat(apply.exitCode()).as(apply.out()).isZero();
    CliRun show = CliRun.run("show", "--host", host.spec());
    assertThat(show.out()).contains("My Web Server");
  }

  /**
   * Issue 10: show dropped values WSL rejects without the note on stderr that the README promises.
   */
  @Test
  void showSaysWhichValuesItLeavesOut() {
    SimDir host = SimDir.fresh(temp).wslconfig("[wsl2]\nfirewall=yes\nmemory=8 GB\nswap=0\n");
    CliRun show = CliRun.run("show", "--host", host.spec());
    assertThat(show.exitCode()).isZero();
    assertThat(show.out()).contains("swap").doesNotContain("firewall").doesNotContain("memory");
    assertThat(show.err())
        .contains("left out wsl2.firewall: WSL rejects \"yes\"")
        .contains("left out wsl2.memory: WSL rejects \"8 GB\"");
  }

  /** A host may hold a v4tov4 and a v4tov6 forward on one socket: show of it still plans empty. */
  @Test
  void showOfTwoTypesOnOneSocketPlansEmpty() throws Exception {
    SimDir host =
        SimDir.fresh(temp)
            .edit(
                root -> {
                  for (String[] forward :
                      new String[][] {{"v4tov4", "10.0.0.5"}, {"v4tov6", "fd00::5"}}) {
                    root.withArray("portProxy")
                        .addObject()
                        .put("type", forward[0])
                        .put("listenAddress", "127.0.0.1")
                        .put("listenPort", 80)
                        .put("connectAddress", forward[1])
                        .put("connectPort", 80);
                  }
                });
    CliRun show = CliRun.run("show", "--host", host.spec());
    Path shown = Files.writeString(temp.resolve("shown.yaml"), show.out());
    CliRun plan =
        CliRun.run("plan", "-f", shown.toString(), "--host", host.spec(), "--detailed-exitcode");
    assertThat(plan.exitCode()).as(plan.out() + plan.err()).isZero();
  }
}
