package dev.wslnet.plan;

import dev.wslnet.model.DesiredState;
import dev.wslnet.model.FirewallRule;
import dev.wslnet.model.ObservedState;
import dev.wslnet.model.PortProxyEntry;
import dev.wslnet.model.UnreadableForward;
import dev.wslnet.wslconfig.ParsedWslConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A short hash of each observed resource that the desired state manages, by address. A saved plan
 * keeps them; applying it compares them with the host as it is then and names every address that
 * moved.
 */
public final class Fingerprints {
  private Fingerprints() {}

  public static Map<String, String> of(DesiredState desired, ObservedState observed) {
    Map<String, String> fingerprints = new TreeMap<>();
    ParsedWslConfig wslconfig = Planner.parseWslConfig(observed);
    desired
        .wslconfig()
        .forEach(
            setting -> {
              String name = setting.key().qualifiedName().toLowerCase(Locale.ROOT);
              fingerprints.put(
                  "wslconfig." + setting.key().qualifiedName(),
                  hash(wslconfig.value(name).orElse("\0absent")));
            });
    if (desired.portProxy().isPresent()) {
      fingerprints.put("$wsl", hash(observed.facts().wslAddress().orElse("\0none")));
      for (PortProxyEntry entry : observed.portProxy()) {
        fingerprints.put(entry.address(), hash(entry.connectAddress() + "/" + entry.connectPort()));
      }
      for (UnreadableForward forward : observed.unreadablePortProxy()) {
        fingerprints.put(forward.address(), hash(forward.data()));
      }
    }
    if (desired.hyperVFirewall().isPresent()) {
      fingerprints.put(
          "hyperVFirewall.settings", hash(new TreeMap<>(observed.hyperVSettings()).toString()));
      for (FirewallRule rule : observed.hyperVRules()) {
        fingerprints.put(
            "hyperVFirewall.rules[" + rule.name() + "]", hash(rule.fields().toString()));
      }
    }
    if (desired.windowsFirewall().isPresent()) {
      for (FirewallRule rule : observed.windowsRules()) {
        fingerprints.put(
            "windowsFirewall.rules[" + rule.name() + "]", hash(rule.fields().toString()));
      }
    }
    return fingerprints;
  }

  private static String hash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
