package dev.wslnet.config.rules;

/** A check that a JSON Schema cannot express, run over the whole file at once. */
interface SemanticRule {
  void check(RuleContext context);
}
