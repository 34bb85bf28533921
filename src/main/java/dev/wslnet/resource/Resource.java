package dev.wslnet.resource;

import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * The state of one managed thing, before or after a change: the fields a plan shows, and what it
 * takes to make the host hold it or not. Each kind has its own resources; planner, applier and
 * renderers use only these methods.
 */
public interface Resource {

  /** Which thing this is: the address of a change that creates or deletes it. */
  Address address();

  /** The fields that matter to the change, as the plan's text shows them, in a stable order. */
  Map<String, String> fields();

  /** The same fields with their JSON types: numbers, booleans and lists stay what they are. */
  ObjectNode json();

  /**
   * The one value of a resource that is a single value ({@code wslconfig.wsl2.memory = "8GB"}),
   * which the plan's text prints on the address's line.
   */
  default Optional<String> inlineValue() {
    return Optional.empty();
  }

  /** What makes the host hold this resource with these fields. */
  Effect ensure();

  /** What makes the host hold this resource no longer. */
  Effect remove();
}
