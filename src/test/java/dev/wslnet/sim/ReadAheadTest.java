package dev.wslnet.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wslnet.host.Host;
import dev.wslnet.host.HostException;
import dev.wslnet.host.powershell.WindowsHost;
import dev.wslnet.testing.SimDir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulated PowerShell reads host.json while it "starts", before its request: the answer is
 * still that of the machine on disk when the request arrives, whatever changed in between.
 */
class ReadAheadTest {
  @TempDir Path temp;

  /** Long enough for the read ahead to be over, so that the answer must not be what it read. */
  private static void letTheReadAheadFinish() throws InterruptedException {
    Thread.sleep(500);
  }

  @Test
  void aMachineChangedAfterTheStartIsObservedAsItIsThen() throws Exception {
    SimDir sim = SimDir.fresh(temp);
    WindowsHost host = SimHost.create(sim.path(), false);
    try (Host.PendingObservation pending = host.startObserving()) {
      letTheReadAheadFinish();
      sim.edit(root -> root.withObject("facts").put("windowsBuild", 26100));
      assertThat(pending.observe(Optional.empty()).facts().windowsBuild()).isEqualTo(26100);
    }
  }

  @Test
  void aMachineBrokenAfterTheStartIsReportedAndOneMendedIsRead() throws Exception {
    SimDir sim = SimDir.fresh(temp);
    Path hostJson = sim.path().resolve("host.json");
    String good = Files.readString(hostJson);
    WindowsHost host = SimHost.create(sim.path(), false);
    try (Host.PendingObservation pending = host.startObserving()) {
      letTheReadAheadFinish();
      Files.writeString(hostJson, "{");
      assertThatThrownBy(() -> pending.observe(Optional.empty()))
          .isInstanceOf(HostException.class)
          .hasMessageContaining("not valid");
    }

    Files.writeString(hostJson, "{");
    try (Host.PendingObservation pending = host.startObserving()) {
      letTheReadAheadFinish();
      Files.writeString(hostJson, good);
      assertThat(pending.observe(Optional.empty()).facts().windowsBuild()).isEqualTo(22631);
    }
  }
}
