package dev.wslnet.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wslnet.cli.CliRun;
import dev.wslnet.testing.SimDir;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10: host.json values of the wrong type were replaced by defaults and saved. Now a malformed
 * host.json is refused with the file, the place and the reason, and left as it is.
 */
class HostJsonTest {
  @TempDir Path temp;

  private CliRun plan(SimDir host) {
    return CliRun.run("plan", "-f", "examples/minimal.yaml", "--host", host.spec());
  }

  @Test
  void valuesOfTheWrongTypeAreRefusedWhereTheyAre() throws Exception {
    SimDir host =
        SimDir.fresh(temp)
            .edit(
                root -> {
                  root.withObject("facts").put("elevated", "no").put("wslVersion", 12);
                  root.putArray("faults").addObject().put("operation", "portproxy.sett");
                });
    String before = Files.readString(host.hostJson());
    CliRun plan = plan(host);
    assertThat(plan.exitCode()).isEqualTo(1);
    assertThat(plan.err())
        .contains(host.hostJson() + " is not valid")
        .contains("/facts/elevated: string found, boolean expected")
        .contains("/facts/wslVersion: integer found, string expected")
        .contains("/faults/0/operation");
    assertThat(Files.readString(host.hostJson())).isEqualTo(before);
  }

  @Test
  void aMachineMustBeAnObject() throws Exception {
    SimDir host = SimDir.fresh(temp);
    for (String json : new String[] {"[]", "null", "\"hello\"", "{\"facts\": {}, \"extra\": 1}"}) {
      Files.writeString(host.hostJson(), json);
      CliRun plan = plan(host);
      assertThat(plan.exitCode()).as(json).isEqualTo(1);
      assertThat(plan.err()).as(json).contains("is not valid");
      assertThat(Files.readString(host.hostJson())).isEqualTo(json);
    }
  }
}
