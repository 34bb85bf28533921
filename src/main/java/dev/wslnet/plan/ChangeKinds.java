package dev.wslnet.plan;

/** The kind of resource a change is about. */
public final class ChangeKinds {
  private ChangeKinds() {}

  public static ResourceKind of(Change change) {
    return change.after().or(change::before).orElseThrow().kind();
  }
}
