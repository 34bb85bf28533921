package dev.wslnet.render.show;

import dev.wslnet.config.schema.DesiredStateSchema;
import dev.wslnet.model.ObservedState;
import dev.wslnet.plan.Kinds;
import dev.wslnet.resource.ResourceKind;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The observed state of a host written as a desired-state document, so that {@code show >
 * wslnet.yaml} followed by {@code plan} finds nothing to change. Each kind writes its own section;
 * the sections come in the schema's order, as a file writes them.
 */
public final class ObservedDocument {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** The document, and what was left out of it because a desired-state file cannot say it. */
  public record Result(ObjectNode document, List<String> leftOut) {}

  private ObservedDocument() {}

  public static Result of(ObservedState observed, String group) {
    ObjectNode sections = NODES.objectNode();
    List<String> leftOut = new ArrayList<>();
    for (ResourceKind kind : Kinds.ALL) {
      kind.show(observed, group, sections, leftOut);
    }
    ObjectNode root = NODES.objectNode();
    root.put("version", 1);
    for (String section : DesiredStateSchema.sections()) {
      if (sections.has(section)) {
        root.set(section, sections.remove(section));
      }
    }
    if (!sections.isEmpty()) {
      throw new IllegalStateException(
          "a kind showed sections the schema does not have: " + sections.propertyNames());
    }
    return new Result(root, leftOut);
  }
}
