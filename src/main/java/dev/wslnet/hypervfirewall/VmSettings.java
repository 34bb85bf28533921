package dev.wslnet.hypervfirewall;

import dev.wslnet.firewall.RuleFields;
import dev.wslnet.model.FieldValue;
import dev.wslnet.resource.Address;
import dev.wslnet.resource.Effect;
import dev.wslnet.resource.Resource;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/** The Hyper-V firewall VM settings of WSL's VM creator that the file declares. */
public record VmSettings(Map<String, FieldValue> settings) implements Resource {
  public static final Address ADDRESS =
      new Address("hyperVSettings", Map.of(), "hyperVFirewall.settings");

  @Override
  public Address address() {
    return ADDRESS;
  }

  @Override
  public Map<String, String> fields() {
    return RuleFields.displayed(settings);
  }

  @Override
  public ObjectNode json() {
    return RuleFields.json(settings);
  }

  /** Set-NetFirewallHyperVVMSetting for WSL's VM creator, with these settings only. */
  @Override
  public Effect ensure() {
    return Effect.onWindows(new HyperVSettingsSet(settings));
  }

  /** Never planned: a VM setting is changed, never deleted. */
  @Override
  public Effect remove() {
    throw new IllegalStateException("wslnet never deletes " + ADDRESS);
  }
}
