package dev.wslnet.config.rules;

import dev.wslnet.config.yaml.LoadedYaml;
import dev.wslnet.diagnostic.Diagnostic;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Every semantic rule of a desired-state file, in the order they report. */
public final class SemanticRules {
  private static final List<SemanticRule> RULES =
      List.of(new WslConfigRules(), new PortProxyRules(), new FirewallRules());

  private SemanticRules() {}

  public static List<Diagnostic> check(LoadedYaml document, JsonNode root) {
    RuleContext context = new RuleContext(document, root);
    for (SemanticRule rule : RULES) {
      rule.check(context);
    }
    return context.diagnostics();
  }
}
