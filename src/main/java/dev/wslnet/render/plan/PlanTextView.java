package dev.wslnet.render.plan;

import dev.wslnet.diagnostic.Diagnostic;
import dev.wslnet.model.HostFacts;
import dev.wslnet.plan.Plan;
import dev.wslnet.render.Style;
import dev.wslnet.render.Visible;
import dev.wslnet.resource.Action;
import dev.wslnet.resource.Change;
import dev.wslnet.resource.Need;
import dev.wslnet.resource.Resource;
import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A plan for people, in Terraform's shape: the host, each change with its symbol, a summary, what
 * it needs.
 */
public final class PlanTextView {
  private final Style style;

  public PlanTextView(Style style) {
    this.style = style;
  }

  public void render(Plan plan, String source, PrintWriter out) {
    header(plan.facts(), out);
    out.println();
    if (plan.isEmpty()) {
      out.println(style.green("No changes.") + " The host matches " + source + ".");
    } else {
      out.println("wslnet will make these changes:");
      for (Change change : plan.changes()) {
        out.println();
        change(change, out);
      }
      out.println();
      out.println(
          style.bold(
              "Plan: "
                  + plan.count(Action.CREATE)
                  + " to add, "
                  + plan.count(Action.UPDATE)
                  + " to change, "
                  + plan.count(Action.DELETE)
                  + " to delete."));
      long administrator = plan.needing(Need.ADMINISTRATOR);
      if (administrator > 0) {
        out.println(
            "Needs administrator rights: "
                + changes(administrator)
                + (plan.facts().elevated()
                    ? " (this process is elevated)."
                    : "; this process is NOT elevated."));
      }
      long restart = plan.needing(Need.WSL_RESTART);
      if (restart > 0) {
        out.println(
            "Needs `wsl --shutdown` to take effect: " + changes(restart) + " to .wslconfig.");
      }
    }
    plan.pendingRestart()
        .ifPresent(
            pending ->
                out.println(
                    style.yellow("Restart pending:")
                        + " WSL runs "
                        + Visible.of(pending.running())
                        + " networking, and .wslconfig says "
                        + pending.configured()
                        + "; run `wsl --shutdown`, or apply with --restart-wsl."));
    warnings(plan, out);
  }

  private void header(HostFacts facts, PrintWriter out) {
    out.println(
        style.bold("Host " + facts.host())
            + ": "
            + facts.windowsName()
            + ", WSL "
            + facts.wslVersion()
            + ", "
            + (facts.elevated() ? "elevated" : "not elevated"));
    out.println(
        "  WSL VM "
            + facts.wslAddress().orElse("not running")
            + ", Windows host "
            + facts.hostAddress().orElse("unknown")
            + " as seen from WSL, running "
            + facts.runningNetworkingMode().orElse("unknown")
            + " networking");
    if (!facts.hyperVFirewallAvailable()) {
      out.println("  Hyper-V firewall cmdlets are missing (Windows 10, or Windows 11 before 22H2)");
    }
    if (!facts.ipHelperRunning()) {
      out.println(
          "  The IP Helper service (iphlpsvc) is stopped: portproxy forwards do nothing until it"
              + " runs");
    }
  }

  private void change(Change change, PrintWriter out) {
    String symbol =
        switch (change.action()) {
          case CREATE -> style.green(Action.CREATE.symbol());
          case UPDATE -> style.yellow(Action.UPDATE.symbol());
          case DELETE -> style.red(Action.DELETE.symbol());
          case REPLACE -> style.red(Action.REPLACE.symbol());
        };
    String reason = change.reason().map(r -> style.dim("  # " + Visible.of(r))).orElse("");
    String address = style.bold(Visible.of(change.address().text()));
    Optional<String> before = change.before().flatMap(Resource::inlineValue);
    Optional<String> after = change.after().flatMap(Resource::inlineValue);
    if (before.isPresent() || after.isPresent()) {
      String value =
          before.isEmpty()
              ? quoted(after.get())
              : after.isEmpty()
                  ? quoted(before.get())
                  : quoted(before.get()) + " -> " + quoted(after.get());
      out.println("  " + symbol + " " + address + " = " + value + reason);
      return;
    }
    out.println("  " + symbol + " " + address + reason);
    Map<String, String> fieldsBefore = change.before().map(Resource::fields).orElse(Map.of());
    Map<String, String> fieldsAfter = change.after().map(Resource::fields).orElse(Map.of());
    Set<String> names = new LinkedHashSet<>(fieldsBefore.keySet());
    names.addAll(fieldsAfter.keySet());
    int width = names.stream().mapToInt(String::length).max().orElse(0);
    for (String name : names) {
      String label = "      " + name + ":" + " ".repeat(width - name.length()) + " ";
      String old = Visible.of(fieldsBefore.get(name));
      String now = Visible.of(fieldsAfter.get(name));
      if (old == null) {
        out.println(label + now);
      } else if (now == null) {
        out.println(label + old);
      } else if (old.equals(now)) {
        out.println(label + now);
      } else {
        out.println(label + old + " -> " + now);
      }
    }
  }

  private void warnings(Plan plan, PrintWriter out) {
    for (Diagnostic warning : plan.warnings()) {
      out.println();
      out.println(
          style.yellow("Warning:")
              + " "
              + Visible.of(warning.file())
              + warning.span().map(span -> ":" + span.lineNumber()).orElse("")
              + ": "
              + Visible.of(warning.message())
              + " ["
              + warning.code().id()
              + "]");
      warning.sourceLine().ifPresent(line -> out.println("  | " + Visible.of(line)));
      warning.hint().ifPresent(hint -> out.println("  hint: " + Visible.of(hint)));
    }
  }

  private static String quoted(String value) {
    return '"' + Visible.of(value) + '"';
  }

  private static String changes(long count) {
    return count + (count == 1 ? " change" : " changes");
  }
}
