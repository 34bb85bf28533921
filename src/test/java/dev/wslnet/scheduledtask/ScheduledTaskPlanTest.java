package dev.wslnet.scheduledtask;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wslnet.apply.Applier;
import dev.wslnet.host.Host;
import dev.wslnet.model.DesiredState;
import dev.wslnet.model.ObservedState;
import dev.wslnet.plan.Plan;
import dev.wslnet.plan.Planner;
import dev.wslnet.resource.Action;
import dev.wslnet.resource.Change;
import dev.wslnet.sim.SimHost;
import dev.wslnet.testing.SimDir;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** install and remove as plans: what changes, and that after apply the plan is empty. */
class ScheduledTaskPlanTest {
  private static final JsonNode INSTALL =
      ScheduledTaskKind.installing("C:\\wslnet\\bin\\wslnet.exe", "apply -f C:\\w.yaml", 15);

  @TempDir Path temp;

  private static Plan plan(Host host, JsonNode document) {
    DesiredState desired = new DesiredState(document);
    return Planner.plan(desired, host.observe(desired.managedGroup()));
  }

  private static Plan apply(Host host, JsonNode document) {
    DesiredState desired = new DesiredState(document);
    ObservedState observed = host.observe(desired.managedGroup());
    return new Applier(host, false)
        .apply(desired, observed, Planner.plan(desired, observed), false)
        .after();
  }

  @Test
  void installCreatesTheTaskOnceAndThenPlansNothing() {
    Host host = SimHost.create(SimDir.fresh(temp).path(), false);
    Plan first = plan(host, INSTALL);
    assertThat(first.changes()).extracting(Change::action).containsExactly(Action.CREATE);
    assertThat(first.changes().get(0).address().text())
        .isEqualTo("scheduledTask[\\wslnet\\converge]");
    assertThat(apply(host, INSTALL).changes()).isEmpty();
    assertThat(plan(host, INSTALL).isEmpty()).isTrue();
  }

  @Test
  void anotherIntervalOrFileUpdatesIt() {
    Host host = SimHost.create(SimDir.fresh(temp).path(), false);
    apply(host, INSTALL);
    JsonNode hourly =
        ScheduledTaskKind.installing("C:\\wslnet\\bin\\wslnet.exe", "apply -f C:\\w.yaml", 60);
    Change change = plan(host, hourly).changes().get(0);
    assertThat(change.action()).isEqualTo(Action.UPDATE);
    assertThat(change.before().orElseThrow().fields())
        .containsEntry("triggers", "at logon, at WSL VM start, every 15m");
    assertThat(change.after().orElseThrow().fields())
        .containsEntry("triggers", "at logon, at WSL VM start, every 60m");
    assertThat(apply(host, hourly).changes()).isEmpty();
  }

  @Test
  void aTaskSomeoneChangedByHandIsPutBack() {
    SimDir sim = SimDir.fresh(temp);
    Host host = SimHost.create(sim.path(), false);
    apply(host, INSTALL);
    sim.edit(root -> root.withObject("scheduledTask").put("arguments", "apply -f C:\\other.yaml"));
    assertThat(plan(host, INSTALL).changes())
        .extracting(Change::action)
        .containsExactly(Action.UPDATE);
  }

  @Test
  void removeDeletesItAndThenPlansNothing() {
    Host host = SimHost.create(SimDir.fresh(temp).path(), false);
    assertThat(plan(host, ScheduledTaskKind.removing()).isEmpty()).isTrue();
    apply(host, INSTALL);
    assertThat(plan(host, ScheduledTaskKind.removing()).changes())
        .extracting(Change::action)
        .containsExactly(Action.DELETE);
    assertThat(apply(host, ScheduledTaskKind.removing()).changes()).isEmpty();
    assertThat(ScheduledTaskKind.task(host.observe(Optional.empty()))).isEmpty();
  }

  @Test
  void aDesiredStateFileLeavesTheTaskAlone() {
    Host host = SimHost.create(SimDir.fresh(temp).path(), false);
    apply(host, INSTALL);
    JsonNode file = ScheduledTaskKind.removing().deepCopy();
    ((tools.jackson.databind.node.ObjectNode) file).remove("scheduledTask");
    assertThat(plan(host, file).isEmpty()).isTrue();
  }
}
