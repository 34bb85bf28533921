package dev.wslnet.wslconfig;

import dev.wslnet.model.WslEdit;
import dev.wslnet.model.WslKey;
import dev.wslnet.model.WslValueType;
import dev.wslnet.resource.Address;
import dev.wslnet.resource.Effect;
import dev.wslnet.resource.Resource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** A .wslconfig key and the value WSL reads (as written in the file). */
public record WslConfigSetting(WslKey key, String value) implements Resource {

  /** {@code wslconfig.wsl2.networkingMode}. */
  public static Address address(WslKey key) {
    Map<String, Object> identity = new LinkedHashMap<>();
    identity.put("section", key.section().fileName());
    identity.put("key", key.fileName());
    return new Address("wslconfig", identity, "wslconfig." + key.qualifiedName());
  }

  @Override
  public Address address() {
    return address(key);
  }

  @Override
  public Map<String, String> fields() {
    return Map.of("value", value);
  }

  /** The value with its type: a boolean or an integer key's value as JSON's, else text. */
  @Override
  public ObjectNode json() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    String text = value.strip();
    if (key.type() == WslValueType.BOOLEAN
        && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))) {
      return node.put("value", Boolean.parseBoolean(text));
    }
    if (key.type() == WslValueType.INTEGER && text.matches("-?\\d{1,18}")) {
      return node.put("value", Long.parseLong(text));
    }
    return node.put("value", value);
  }

  @Override
  public Optional<String> inlineValue() {
    return Optional.of(value);
  }

  @Override
  public Effect ensure() {
    return Effect.inWslConfig(new WslEdit.Set(key, value));
  }

  @Override
  public Effect remove() {
    return Effect.inWslConfig(new WslEdit.Remove(key));
  }
}
