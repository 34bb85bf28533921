package dev.wslnet.resource;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Which managed thing a change or a fingerprint is about: its kind, the fields that identify it
 * (with their types), and how plans print it ({@code portProxy[v4tov4 0.0.0.0:4000]}). Each kind
 * makes its own addresses, once; everything else uses them as they are.
 *
 * @param kind the kind's name, as the plan's JSON gives it: {@code portProxy}, {@code hyperVRule}
 * @param key the identifying fields, in the order the kind lists them
 * @param text the address as the plan prints it
 */
public record Address(String kind, Map<String, Object> key, String text) {
  public Address {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
    key = Collections.unmodifiableMap(new LinkedHashMap<>(key));
  }

  @Override
  public String toString() {
    return text;
  }
}
