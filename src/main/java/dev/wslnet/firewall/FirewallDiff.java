package dev.wslnet.firewall;

import dev.wslnet.model.FieldValue;
import dev.wslnet.model.FirewallFields;
import dev.wslnet.model.FirewallRule;
import dev.wslnet.resource.Address;
import dev.wslnet.resource.Change;
import dev.wslnet.resource.Need;
import dev.wslnet.resource.Resource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/** Hyper-V and Windows firewall rules by name; only the declared fields of a rule are compared. */
public final class FirewallDiff {
  public static final Set<Need> NEEDS = Set.of(Need.ADMINISTRATOR);

  private FirewallDiff() {}

  /**
   * @param address the address of a rule of this kind, from its name
   * @param resource the resource of a rule of this kind
   * @param untouchable rules that are never changed or pruned, whatever the file says (WSL's own)
   */
  public static List<Change> diff(
      List<FirewallRule> desired,
      List<FirewallRule> observed,
      boolean prune,
      Function<String, Address> address,
      Function<FirewallRule, Resource> resource,
      Predicate<String> untouchable) {
    Map<String, FirewallRule> byName = new HashMap<>();
    observed.forEach(rule -> byName.put(rule.name().toLowerCase(Locale.ROOT), rule));
    List<Change> changes = new ArrayList<>();
    Set<String> declared = new HashSet<>();
    for (FirewallRule rule : desired) {
      declared.add(rule.name().toLowerCase(Locale.ROOT));
      FirewallRule current = byName.get(rule.name().toLowerCase(Locale.ROOT));
      if (current == null) {
        changes.add(Change.create(address.apply(rule.name()), resource.apply(rule), NEEDS));
        continue;
      }
      Map<String, FieldValue> before =
          differing(rule.fields(), name -> currentValue(current, name));
      if (!before.isEmpty()) {
        Map<String, FieldValue> after = new LinkedHashMap<>();
        before.keySet().forEach(name -> after.put(name, rule.fields().get(name)));
        changes.add(
            Change.update(
                address.apply(rule.name()),
                resource.apply(new FirewallRule(current.name(), before)),
                resource.apply(new FirewallRule(rule.name(), after)),
                Optional.empty(),
                NEEDS));
      }
    }
    if (prune) {
      for (FirewallRule rule : observed) {
        if (!declared.contains(rule.name().toLowerCase(Locale.ROOT))
            && !untouchable.test(rule.name())) {
          changes.add(
              Change.delete(
                  address.apply(rule.name()),
                  resource.apply(rule),
                  "not in the file and prune is on",
                  NEEDS));
        }
      }
    }
    return changes;
  }

  private static Optional<FieldValue> currentValue(FirewallRule current, String field) {
    return current.field(field).or(() -> FirewallFields.ruleDefault(field, current.name()));
  }

  /**
   * The declared fields whose current value differs, with their current values (absent: shown as
   * unset).
   */
  public static Map<String, FieldValue> differing(
      Map<String, FieldValue> declared, Function<String, Optional<FieldValue>> current) {
    Map<String, FieldValue> before = new LinkedHashMap<>();
    declared.forEach(
        (name, wanted) -> {
          Optional<FieldValue> now = current.apply(name);
          if (now.isEmpty() || !FirewallFields.same(name, now.get(), wanted)) {
            before.put(name, now.orElse(new FieldValue.Text("(unset)")));
          }
        });
    return before;
  }
}
