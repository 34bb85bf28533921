package dev.wslnet.resource;

/** What a change does to a resource, with Terraform's symbols. */
public enum Action {
  CREATE("+", "create"),
  UPDATE("~", "update"),
  DELETE("-", "delete"),
  /**
   * Delete the old resource, then create the new one: the two cannot be changed into each other in
   * place.
   */
  REPLACE("-/+", "replace");

  private final String symbol;
  private final String word;

  Action(String symbol, String word) {
    this.symbol = symbol;
    this.word = word;
  }

  public String symbol() {
    return symbol;
  }

  /** The lower-case word of the JSON plan. */
  public String word() {
    return word;
  }
}
