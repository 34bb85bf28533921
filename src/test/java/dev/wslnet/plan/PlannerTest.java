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
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** The kinds are planned on both cores, and still answer in their order. */
class PlannerTest {

  /** A kind that fails after a while, so that a kind after it fails first in time. */
  private static ResourceKind failing(String message, long afterMillis) {
    return new ResourceKind() {
      @Override
      public List<Change> changes(DesiredState desired, ObservedState observed) {
        try {
          Thread.sleep(afterMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        throw new PlanningException(message);
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

  @Test
  void theFirstKindsFailureIsThrownThoughALaterOneFailedSooner() {
    List<ResourceKind> kinds = List.of(failing("first", 300), failing("second", 0));
    for (int run = 0; run < 3; run++) {
      assertThatThrownBy(() -> Planner.changes(kinds, null, null))
          .isInstanceOf(PlanningException.class)
          .hasMessage("first");
    }
  }

  @Test
  void aFailureFromAnotherThreadIsThrownAsItWas() {
    IllegalStateException bug = new IllegalStateException("a bug");
    ResourceKind slow = failing("unused", 0);
    ResourceKind broken =
        new ResourceKind() {
          @Override
          public List<Change> changes(DesiredState desired, ObservedState observed) {
            throw bug;
          }

          @Override
          public Map<Address, String> fingerprints(DesiredState desired, ObservedState observed) {
            return Map.of();
          }

          @Override
          public void show(
              ObservedState observed, String group, ObjectNode document, List<String> leftOut) {}
        };
    for (int run = 0; run < 5; run++) {
      assertThatThrownBy(() -> Planner.changes(List.of(broken, slow), null, null)).isSameAs(bug);
    }
    assertThat(Planner.changes(List.of(), null, null)).isEmpty();
  }
}
