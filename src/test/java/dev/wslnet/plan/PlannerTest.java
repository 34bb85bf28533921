package dev.wslnet.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wslnet.model.DesiredState;
import dev.wslnet.model.ObservedState;
import dev.wslnet.resource.Address;
import dev.wslnet.resource.Change;
import dev.wslnet.resource.PlanningException;
import dev.wslnet.resource.ResourceKind;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** The kinds are planned on both cores, and still answer in their order. */
class PlannerTest {

  /** A kind whose changes are what {@code changes} gives or throws. */
  private static ResourceKind kind(Supplier<List<Change>> changes) {
    return new ResourceKind() {
      @Override
      public List<Change> changes(DesiredState desired, ObservedState observed) {
        return changes.get();
      }

      @Override
      public Map<Address, String> fingerprints(DesiredState desired, ObservedState observed) {
        return Map.of();
      }

      @Override
      public void show(
          ObservedState observed, String group, ObjectNode document, List<String> leftOut) {}
    };
  }

  /** A kind that fails after a while, so that a kind after it fails first in time. */
  private static ResourceKind failing(String message, long afterMillis) {
    return kind(
        () -> {
          try {
            Thread.sleep(afterMillis);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          throw new PlanningException(message);
        });
  }

  @Test
  void theFirstKindsFailureIsThrownThoughALaterOneFailedSooner() {
    List<ResourceKind> kinds = List.of(failing("first", 300), failing("second", 0));
    for (int run = 0; run < 3; run++) {
      assertThatThrownBy(() -> Planner.changes(kinds, null, null))
          .isInstanceOf(PlanningException.class)
          .hasMessage("first");
    }
  }

  /**
   * An exception the fork-join pool would re-create around itself (one with a constructor that
   * takes a cause) comes out as it was thrown, on whichever thread.
   */
  @Test
  void aFailureFromAnotherThreadIsThrownAsItWas() {
    IllegalStateException bug = new IllegalStateException("a bug");
    ResourceKind broken =
        kind(
            () -> {
              throw bug;
            });
    for (int run = 0; run < 5; run++) {
      assertThatThrownBy(() -> Planner.changes(List.of(broken, failing("later", 0)), null, null))
          .isSameAs(bug);
    }
    assertThat(Planner.changes(List.of(kind(List::of), kind(List::of)), null, null)).isEmpty();
  }
}
