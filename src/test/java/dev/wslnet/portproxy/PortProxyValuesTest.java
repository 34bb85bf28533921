package dev.wslnet.portproxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wslnet.cli.CliRun;
import dev.wslnet.model.PortProxyEntry;
import dev.wslnet.model.PortProxyType;
import dev.wslnet.model.UnreadableForward;
import dev.wslnet.testing.SimDir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Portproxy registry values read strictly: a value is a forward only when the file could declare it
 * and netsh addresses it by the same text; anything else is kept, as unreadable, never misread.
 */
class PortProxyValuesTest {
  @TempDir Path temp;

  private static ArrayNode values(String type, String... nameData) {
    ArrayNode values = JsonNodeFactory.instance.arrayNode();
    for (int i = 0; i < nameData.length; i += 2) {
      values.addObject().put("type", type).put("name", nameData[i]).put("data", nameData[i + 1]);
    }
    return values;
  }

  @Test
  void onlyWhatAFileCouldDeclareIsAForward() {
    var v4 =
        PortProxyValues.read(
            values(
                "v4tov4",
                "*/80",
                "172.30.98.229/80",
                "0.0.0.0/443",
                "localhost/8443",
                "0.0.0.0/ 81",
                "10.0.0.1/81",
                "0.0.0.0/+82",
                "10.0.0.1/82",
                "0.0.0.0/0083",
                "10.0.0.1/83",
                "0.0.0.0/84\n",
                "10.0.0.1/84",
                "0.0.0.0/0",
                "10.0.0.1/85",
                "0.0.0.0/86",
                "10.0.0.1/80\u0007",
                "0.0.0.0/87",
                "fd00::1/87"));
    assertThat(v4.forwards())
        .containsExactly(
            new PortProxyEntry(PortProxyType.V4_TO_V4, "*", 80, "172.30.98.229", 80),
            new PortProxyEntry(PortProxyType.V4_TO_V4, "0.0.0.0", 443, "localhost", 8443));
    assertThat(v4.unreadable()).extracting(UnreadableForward::name).hasSize(7);
    var v6 =
        PortProxyValues.read(
            values(
                "v6tov6",
                "[::1]/80",
                "::1/80",
                "fe80::1%eth0/84",
                "::1/84",
                "::/443",
                "10.0.0.1/443"));
    assertThat(v6.forwards()).isEmpty();
    assertThat(v6.unreadable()).hasSize(3);
  }

  @Test
  void pruneDeletesOddValuesByTheirExactNameAndConverges() throws Exception {
    SimDir host =
        SimDir.fresh(temp)
            .edit(
                root -> {
                  for (String name : List.of("0.0.0.0/ 81", "0.0.0.0/+82", "0.0.0.0/0083")) {
                    root.withArray("unreadablePortProxy")
                        .addObject()
                        .put("type", "v4tov4")
                        .put("name", name)
                        .put("data", "10.0.0.1/80");
                  }
                });
    Path file =
        Files.writeString(
            temp.resolve("wslnet.yaml"),
            "version: 1\nportProxy:\n  prune: true\n  rules:\n"
                + "    - {listenAddress: 0.0.0.0, listenPort: 82, connectAddress: 10.0.0.9}\n");
    CliRun apply =
        CliRun.run("apply", "-f", file.toString(), "--host", host.spec(), "--auto-approve");
    assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();
    assertThat(apply.out()).contains("Converged");
    CliRun plan =
        CliRun.run("plan", "-f", file.toString(), "--host", host.spec(), "--detailed-exitcode");
    assertThat(plan.exitCode()).as(plan.out()).isZero();
  }
}
