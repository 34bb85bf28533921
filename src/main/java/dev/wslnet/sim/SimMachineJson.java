package dev.wslnet.sim;

import dev.wslnet.model.FieldValue;
import dev.wslnet.model.FieldValueJson;
import dev.wslnet.model.FirewallRule;
import dev.wslnet.model.HostFacts;
import dev.wslnet.model.PortProxyEntry;
import dev.wslnet.model.PortProxyType;
import dev.wslnet.model.UnreadableForward;
import dev.wslnet.portproxy.ForwardJson;
import dev.wslnet.portproxy.PortProxyValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** host.json: a simulated machine, with the field names of the desired-state file. */
final class SimMachineJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private SimMachineJson() {}

  /**
   * A new machine as Windows 11 23H2 with WSL 2.3.26.0 in NAT mode comes: elevated, no rules, no
   * forwards.
   */
  static SimMachine fresh(String host) {
    HostFacts facts =
        new HostFacts(
            host,
            22631,
            "2.3.26.0",
            true,
            Optional.of("172.30.98.229"),
            Optional.of("172.30.96.1"),
            Optional.of("nat"),
            true,
            true);
    Map<String, FieldValue> settings = new LinkedHashMap<>();
    settings.put("enabled", new FieldValue.Flag(true));
    settings.put("defaultInboundAction", new FieldValue.Text("Block"));
    settings.put("defaultOutboundAction", new FieldValue.Text("Allow"));
    settings.put("loopbackEnabled", new FieldValue.Flag(true));
    settings.put("allowHostPolicyMerge", new FieldValue.Flag(true));
    return new SimMachine(
        facts,
        List.of(),
        settings,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        Optional.empty(),
        Optional.empty());
  }

  /**
   * host.json's structure (src/main/resources/sim/host.schema.json): a value of the wrong type is
   * refused, never replaced by a default and saved.
   */
  private static final class Schema {
    static final com.networknt.schema.Schema INSTANCE = load();

    private static com.networknt.schema.Schema load() {
      try (java.io.InputStream in =
          SimMachineJson.class.getResourceAsStream("/sim/host.schema.json")) {
        JsonNode schema = JsonMapper.builder().build().readTree(in);
        return com.networknt.schema.SchemaRegistry.withDefaultDialect(
                com.networknt.schema.SpecificationVersion.DRAFT_2020_12)
            .getSchema(schema);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  /**
   * The machine in host.json.
   *
   * @throws IllegalArgumentException naming each place of the file that is wrong, and why
   */
  static SimMachine read(String host, String json) {
    JsonNode root;
    try {
      root = JsonMapper.builder().build().readTree(json);
    } catch (tools.jackson.core.JacksonException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
    }
    List<String> problems = new ArrayList<>();
    for (com.networknt.schema.Error error : Schema.INSTANCE.validate(root)) {
      String at = error.getInstanceLocation().toString();
      problems.add(
          (at.isEmpty() || at.equals("$") ? "the document" : at) + ": " + error.getMessage());
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    JsonNode facts = root.path("facts");
    HostFacts hostFacts =
        new HostFacts(
            host,
            facts.path("windowsBuild").asInt(22631),
            facts.path("wslVersion").asString("2.3.26.0"),
            facts.path("elevated").asBoolean(true),
            text(facts, "wslAddress"),
            text(facts, "hostAddress"),
            text(facts, "runningNetworkingMode"),
            facts.path("hyperVFirewallAvailable").asBoolean(true),
            facts.path("ipHelperRunning").asBoolean(true));
    List<PortProxyEntry> portProxy = new ArrayList<>();
    root.path("portProxy").forEach(entry -> portProxy.add(ForwardJson.read(entry)));
    Map<String, FieldValue> settings = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> setting :
        root.path("hyperVFirewall").path("settings").properties()) {
      settings.put(setting.getKey(), FieldValueJson.field(setting.getKey(), setting.getValue()));
    }
    List<UnreadableForward> unreadable = new ArrayList<>();
    for (JsonNode value : root.path("unreadablePortProxy")) {
      unreadable.add(
          new UnreadableForward(
              PortProxyType.fromNetshName(value.path("type").asString()).orElseThrow(),
              value.path("name").asString(),
              value.path("data").asString()));
    }
    List<String> next = new ArrayList<>();
    root.path("nextWslAddresses").forEach(address -> next.add(address.asString()));
    List<SimMachine.Fault> faults = new ArrayList<>();
    for (JsonNode fault : root.path("faults")) {
      faults.add(
          new SimMachine.Fault(
              fault.path("operation").asString(),
              fault.has("target") ? fault.get("target").asString() : null,
              fault.path("message").asString("injected fault")));
    }
    return new SimMachine(
        hostFacts,
        portProxy,
        settings,
        FieldValueJson.rules(root.path("hyperVFirewall").path("rules")),
        FieldValueJson.rules(root.path("windowsFirewall").path("rules")),
        unreadable,
        next,
        faults,
        text(facts, "uacAccount"),
        task(root.path("scheduledTask")));
  }

  private static Optional<SimTask> task(JsonNode task) {
    if (!task.isObject()) {
      return Optional.empty();
    }
    return Optional.of(
        new SimTask(
            task.path("execute").asString(),
            task.path("arguments").asString(""),
            task.path("everyMinutes").asInt(15),
            text(task, "lastRunTime"),
            task.path("lastTaskResult").asLong(0x41303)));
  }

  private static Optional<String> text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isString() ? Optional.of(value.asString()) : Optional.empty();
  }

  static String write(SimMachine machine) {
    ObjectNode root = NODES.objectNode();
    ObjectNode facts = root.putObject("facts");
    HostFacts f = machine.facts();
    facts.put("windowsBuild", f.windowsBuild());
    facts.put("wslVersion", f.wslVersion());
    facts.put("elevated", f.elevated());
    f.wslAddress().ifPresent(a -> facts.put("wslAddress", a));
    f.hostAddress().ifPresent(a -> facts.put("hostAddress", a));
    f.runningNetworkingMode().ifPresent(m -> facts.put("runningNetworkingMode", m));
    facts.put("hyperVFirewallAvailable", f.hyperVFirewallAvailable());
    facts.put("ipHelperRunning", f.ipHelperRunning());
    machine.uacAccount().ifPresent(account -> facts.put("uacAccount", account));
    ArrayNode portProxy = root.putArray("portProxy");
    machine.portProxy().forEach(entry -> ForwardJson.write(portProxy.addObject(), entry));
    ObjectNode hyperV = root.putObject("hyperVFirewall");
    if (machine.hyperVSettings().isEmpty()) {
      hyperV.putNull("settings");
    } else {
      ObjectNode settings = hyperV.putObject("settings");
      new java.util.TreeMap<>(machine.hyperVSettings())
          .forEach((name, value) -> settings.set(name, json(value)));
    }
    writeRules(hyperV.putArray("rules"), machine.hyperVRules());
    writeRules(root.putObject("windowsFirewall").putArray("rules"), machine.windowsRules());
    if (!machine.unreadablePortProxy().isEmpty()) {
      ArrayNode unreadable = root.putArray("unreadablePortProxy");
      machine.unreadablePortProxy().forEach(value -> PortProxyValues.write(unreadable, value));
    }
    machine
        .convergeTask()
        .ifPresent(
            task -> {
              ObjectNode node = root.putObject("scheduledTask");
              node.put("execute", task.execute());
              node.put("arguments", task.arguments());
              node.put("everyMinutes", task.everyMinutes());
              task.lastRunTime().ifPresent(time -> node.put("lastRunTime", time));
              node.put("lastTaskResult", task.lastTaskResult());
            });
    ArrayNode next = root.putArray("nextWslAddresses");
    machine.nextWslAddresses().forEach(next::add);
    ArrayNode faults = root.putArray("faults");
    for (SimMachine.Fault fault : machine.faults()) {
      ObjectNode node = faults.addObject();
      node.put("operation", fault.operation());
      if (fault.target() != null) {
        node.put("target", fault.target());
      }
      node.put("message", fault.message());
    }
    return JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(root)
        + "\n";
  }

  private static void writeRules(ArrayNode array, List<FirewallRule> rules) {
    for (FirewallRule rule : rules) {
      ObjectNode node = array.addObject();
      node.put("name", rule.name());
      rule.fields().forEach((name, value) -> node.set(name, json(value)));
    }
  }

  private static JsonNode json(FieldValue value) {
    return FieldValueJson.write(value);
  }
}
