package dev.wslnet.wslconfig;

import dev.wslnet.model.WslKey;
import dev.wslnet.resource.Address;
import dev.wslnet.resource.Change;
import dev.wslnet.resource.Need;
import dev.wslnet.resource.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * .wslconfig: each declared key against the value WSL reads now; undeclared keys are not wslnet's.
 */
final class WslConfigDiff {
  private WslConfigDiff() {}

  static List<Change> diff(List<WslSetting> desired, ParsedWslConfig observed) {
    List<Change> changes = new ArrayList<>();
    for (WslSetting setting : desired) {
      WslKey key = setting.key();
      String name = key.qualifiedName().toLowerCase(Locale.ROOT);
      Address address = WslConfigSetting.address(key);
      Optional<String> current = observed.value(name);
      boolean present = observed.keyLines().stream().anyMatch(line -> line.name().equals(name));
      Set<Need> needs = Set.of(Need.WSL_RESTART);
      if (setting.value().isEmpty()) {
        if (present) {
          changes.add(
              Change.delete(
                  address,
                  new WslConfigSetting(key, current.orElse("")),
                  "null in the file: removed so that WSL's default applies",
                  needs));
        }
        continue;
      }
      String wanted = setting.value().get();
      Resource after = new WslConfigSetting(key, wanted);
      if (current.isEmpty()) {
        changes.add(Change.create(address, after, needs));
        continue;
      }
      Optional<String> currentMeaning = WslValues.canonical(key.type(), current.get());
      if (!currentMeaning.equals(WslValues.canonical(key.type(), wanted))) {
        Optional<String> reason =
            currentMeaning.isEmpty()
                ? Optional.of("WSL rejects the current value and applies its default")
                : Optional.empty();
        changes.add(
            Change.update(address, new WslConfigSetting(key, current.get()), after, reason, needs));
      }
    }
    return changes;
  }
}
