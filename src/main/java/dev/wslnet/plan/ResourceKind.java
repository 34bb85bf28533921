package dev.wslnet.plan;

/** The kinds of thing wslnet manages, one executor each. */
public enum ResourceKind {
  WSLCONFIG,
  PORT_PROXY,
  PORT_PROXY_VALUE,
  HYPER_V_SETTINGS,
  HYPER_V_RULE,
  WINDOWS_RULE
}
