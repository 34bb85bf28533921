package dev.wslnet.plan;

import dev.wslnet.model.FieldValue;
import dev.wslnet.model.FirewallRule;
import dev.wslnet.model.PortProxyEntry;
import dev.wslnet.model.UnreadableForward;
import dev.wslnet.model.WslKey;
import java.util.LinkedHashMap;
import java.util.Map;

/** The state of one managed thing, before or after a change, with the fields a plan shows. */
public sealed interface Resource
    permits Resource.WslSetting,
        Resource.PortProxy,
        Resource.PortProxyValue,
        Resource.HyperVSettings,
        Resource.HyperVRule,
        Resource.WindowsRule {

  /** The fields that matter to the change, as the plan shows them, in a stable order. */
  Map<String, String> fields();

  /** Which kind of thing this is, so that each kind finds its executor. */
  ResourceKind kind();

  /** A .wslconfig key and the value WSL reads (as written in the file). */
  record WslSetting(WslKey key, String value) implements Resource {
    @Override
    public ResourceKind kind() {
      return ResourceKind.WSLCONFIG;
    }

    @Override
    public Map<String, String> fields() {
      return Map.of("value", value);
    }
  }

  /**
   * @param viaWsl whether connectAddress is the $wsl address looked up when planning
   */
  record PortProxy(PortProxyEntry entry, boolean viaWsl) implements Resource {
    /** The field that says where connectAddress came from, when it was looked up. */
    public static final String SOURCE_FIELD = "connectAddressFrom";

    @Override
    public ResourceKind kind() {
      return ResourceKind.PORT_PROXY;
    }

    @Override
    public Map<String, String> fields() {
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put("connectAddress", entry.connectAddress());
      fields.put("connectPort", Integer.toString(entry.connectPort()));
      if (viaWsl) {
        fields.put(SOURCE_FIELD, "$wsl");
      }
      return fields;
    }
  }

  /** A portproxy registry value wslnet cannot read as a forward; prune may delete it. */
  record PortProxyValue(UnreadableForward forward) implements Resource {
    @Override
    public ResourceKind kind() {
      return ResourceKind.PORT_PROXY_VALUE;
    }

    @Override
    public Map<String, String> fields() {
      return Map.of("data", forward.data());
    }
  }

  record HyperVSettings(Map<String, FieldValue> settings) implements Resource {
    @Override
    public ResourceKind kind() {
      return ResourceKind.HYPER_V_SETTINGS;
    }

    @Override
    public Map<String, String> fields() {
      return displayed(settings);
    }
  }

  record HyperVRule(FirewallRule rule) implements Resource {
    @Override
    public ResourceKind kind() {
      return ResourceKind.HYPER_V_RULE;
    }

    @Override
    public Map<String, String> fields() {
      return displayed(rule.fields());
    }
  }

  record WindowsRule(String group, FirewallRule rule) implements Resource {
    @Override
    public ResourceKind kind() {
      return ResourceKind.WINDOWS_RULE;
    }

    @Override
    public Map<String, String> fields() {
      return displayed(rule.fields());
    }
  }

  private static Map<String, String> displayed(Map<String, FieldValue> values) {
    Map<String, String> fields = new LinkedHashMap<>();
    new java.util.TreeMap<>(values).forEach((name, value) -> fields.put(name, value.display()));
    return fields;
  }
}
