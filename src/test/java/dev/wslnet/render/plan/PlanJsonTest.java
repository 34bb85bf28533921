package dev.wslnet.render.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON plan as a script reads it, on the golden of a plan that replaces, creates and deletes.
 */
class PlanJsonTest {
  private static final Path REPLACE =
      Path.of("src/test/resources/golden/cases/prune-and-replace.plan.json");

  /** What jq '.changes[] | select(.actions | index("delete")) | .before' yields. */
  @Test
  void everyDeletedResourceHasDeleteInItsActionsAndItsIdentityInBefore() throws Exception {
    JsonNode plan = JsonMapper.builder().build().readTree(Files.readString(REPLACE));
    List<String> deleted = new ArrayList<>();
    for (JsonNode change : plan.path("changes")) {
      List<String> actions = new ArrayList<>();
      change.path("actions").forEach(action -> actions.add(action.asString()));
      if (actions.contains("delete")) {
        JsonNode before = change.path("before");
        deleted.add(
            before.path("type").asString()
                + " "
                + before.path("listenAddress").asString()
                + ":"
                + before.path("listenPort").asInt());
      }
    }
    assertThat(deleted).containsExactly("v4tov4 0.0.0.0:80", "v4tov4 *:9000", "v6tov6 :::443");
    JsonNode replace = plan.path("changes").path(0);
    assertThat(replace.path("actions").toString()).isEqualTo("[\"delete\",\"create\"]");
    assertThat(replace.path("kind").asString()).isEqualTo("portProxy");
    assertThat(replace.path("key").path("type").asString()).isEqualTo("v4tov6");
    assertThat(replace.path("before").path("type").asString()).isEqualTo("v4tov4");
    assertThat(replace.path("key").path("listenPort").isInt()).isTrue();
  }
}
