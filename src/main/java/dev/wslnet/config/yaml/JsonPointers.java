package dev.wslnet.config.yaml;

/** RFC 6901 escaping of one JSON Pointer step. */
public final class JsonPointers {
  private JsonPointers() {}

  public static String child(String parent, String name) {
    return parent + "/" + name.replace("~", "~0").replace("/", "~1");
  }

  public static String child(String parent, int index) {
    return parent + "/" + index;
  }

  static String unescape(String step) {
    return step.replace("~1", "/").replace("~0", "~");
  }
}
