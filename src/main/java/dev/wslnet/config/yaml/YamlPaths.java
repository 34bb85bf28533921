package dev.wslnet.config.yaml;

import java.util.regex.Pattern;

/** The dotted paths people read: {@code portProxy.rules[0].listenPort}. */
public final class YamlPaths {
  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$-]*");

  private YamlPaths() {}

  public static String child(String parent, String name) {
    String step =
        PLAIN_NAME.matcher(name).matches() ? name : '"' + name.replace("\"", "\\\"") + '"';
    return parent.isEmpty() ? step : parent + "." + step;
  }

  public static String item(String parent, int index) {
    return parent + "[" + index + "]";
  }
}
