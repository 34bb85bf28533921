package dev.wslnet.render.plan;

import dev.wslnet.apply.ApplyResult;
import dev.wslnet.apply.ChangeResult;
import dev.wslnet.diagnostic.Diagnostic;
import dev.wslnet.model.HostFacts;
import dev.wslnet.plan.Plan;
import dev.wslnet.resource.Action;
import dev.wslnet.resource.Address;
import dev.wslnet.resource.Change;
import dev.wslnet.resource.Need;
import dev.wslnet.resource.Resource;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The machine-readable plan: {@code format_version} (a new minor version only adds fields; a new
 * major version may change them, and readers refuse majors they do not know), {@code kind}, the
 * host, the changes, the summary. A saved plan adds the desired state and fingerprints. README's
 * "The JSON plan" is the field reference.
 */
public final class PlanJson {
  public static final String FORMAT_VERSION = "2.0";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private PlanJson() {}

  public static ObjectNode plan(Plan plan) {
    ObjectNode root = document("plan");
    root.set("host", facts(plan.facts()));
    ArrayNode changes = root.putArray("changes");
    plan.changes().forEach(change -> changes.add(change(change)));
    if (plan.pendingRestart().isPresent()) {
      ObjectNode pending = root.putObject("restart_pending");
      pending.put("running", plan.pendingRestart().get().running());
      pending.put("configured", plan.pendingRestart().get().configured());
    }
    ObjectNode summary = root.putObject("summary");
    summary.put("add", plan.count(Action.CREATE));
    summary.put("change", plan.count(Action.UPDATE));
    summary.put("delete", plan.count(Action.DELETE));
    ObjectNode needs = summary.putObject("needs");
    for (Need need : Need.values()) {
      needs.put(need.word(), plan.needing(need));
    }
    ArrayNode warnings = root.putArray("warnings");
    plan.warnings().forEach(warning -> warnings.add(diagnostic(warning)));
    return root;
  }

  /** A document of this kind: {@code plan}, {@code apply}, {@code error}, … */
  public static ObjectNode document(String kind) {
    ObjectNode root = NODES.objectNode();
    root.put("format_version", FORMAT_VERSION);
    root.put("kind", kind);
    return root;
  }

  public static ObjectNode apply(Plan plan, ApplyResult result) {
    ObjectNode root = plan(plan);
    root.put("kind", "apply");
    ArrayNode results = root.putArray("results");
    for (ChangeResult changeResult : result.results()) {
      ObjectNode node = results.addObject();
      node.put("address", changeResult.change().address().text());
      node.set("actions", actions(changeResult.change().action()));
      node.put("status", changeResult.succeeded() ? "ok" : "failed");
      changeResult.error().ifPresent(error -> node.put("error", error));
    }
    root.put("converged", result.converged());
    root.put("restart_needed", result.restartPending());
    result.restartError().ifPresent(error -> root.put("restart_error", error));
    ArrayNode remaining = root.putArray("remaining_changes");
    result.after().changes().forEach(change -> remaining.add(change(change)));
    return root;
  }

  public static String write(JsonNode node) {
    return JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(node);
  }

  static ObjectNode facts(HostFacts facts) {
    ObjectNode host = NODES.objectNode();
    host.put("name", facts.host());
    host.put("windows_build", facts.windowsBuild());
    host.put("wsl_version", facts.wslVersion());
    host.put("elevated", facts.elevated());
    put(host, "wsl_address", facts.wslAddress());
    put(host, "host_address", facts.hostAddress());
    put(host, "running_networking_mode", facts.runningNetworkingMode());
    host.put("hyper_v_firewall_available", facts.hyperVFirewallAvailable());
    host.put("ip_helper_running", facts.ipHelperRunning());
    return host;
  }

  private static void put(ObjectNode node, String field, Optional<String> value) {
    if (value.isPresent()) {
      node.put(field, value.get());
    } else {
      node.putNull(field);
    }
  }

  /**
   * As Terraform's JSON plan has them: a replace is a delete, then a create, so that {@code
   * select(.actions | index("delete"))} finds every resource that goes.
   */
  private static ArrayNode actions(Action action) {
    ArrayNode actions = NODES.arrayNode();
    if (action == Action.REPLACE) {
      actions.add(Action.DELETE.word()).add(Action.CREATE.word());
    } else {
      actions.add(action.word());
    }
    return actions;
  }

  static ObjectNode change(Change change) {
    ObjectNode node = NODES.objectNode();
    node.put("address", change.address().text());
    node.put("kind", change.address().kind());
    node.set("key", key(change.address()));
    node.set("actions", actions(change.action()));
    node.set("before", change.before().<JsonNode>map(PlanJson::resource).orElse(NODES.nullNode()));
    node.set("after", change.after().<JsonNode>map(PlanJson::resource).orElse(NODES.nullNode()));
    if (change.reason().isPresent()) {
      node.put("reason", change.reason().get());
    } else {
      node.putNull("reason");
    }
    ArrayNode needs = node.putArray("needs");
    for (Need need : Need.values()) {
      if (change.needs().contains(need)) {
        needs.add(need.word());
      }
    }
    return node;
  }

  /** The identifying fields, with their types. */
  private static ObjectNode key(Address address) {
    ObjectNode key = NODES.objectNode();
    address
        .key()
        .forEach(
            (name, value) -> {
              if (value instanceof Integer number) {
                key.put(name, number);
              } else if (value instanceof Boolean flag) {
                key.put(name, flag);
              } else {
                key.put(name, String.valueOf(value));
              }
            });
    return key;
  }

  /**
   * A resource as it is before or after a change: its identity (so that a replace's before names
   * what is deleted), then its fields.
   */
  private static ObjectNode resource(Resource resource) {
    ObjectNode node = key(resource.address());
    node.setAll(resource.json());
    return node;
  }

  static ObjectNode diagnostic(Diagnostic diagnostic) {
    ObjectNode node = NODES.objectNode();
    node.put("file", diagnostic.file());
    diagnostic.span().ifPresent(span -> node.put("line", span.lineNumber()));
    node.put("severity", diagnostic.severity().label());
    node.put("code", diagnostic.code().id());
    node.put("message", diagnostic.message());
    diagnostic.hint().ifPresent(hint -> node.put("hint", hint));
    return node;
  }
}
