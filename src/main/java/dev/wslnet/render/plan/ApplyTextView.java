package dev.wslnet.render.plan;

import dev.wslnet.apply.ApplyResult;
import dev.wslnet.apply.ChangeResult;
import dev.wslnet.render.Style;
import dev.wslnet.render.Visible;
import dev.wslnet.resource.Change;
import java.io.PrintWriter;

/** Each change's result, then whether the host converged and whether WSL still has to restart. */
public final class ApplyTextView {
  private final Style style;

  public ApplyTextView(Style style) {
    this.style = style;
  }

  public void render(ApplyResult result, String source, PrintWriter out) {
    out.println();
    for (ChangeResult changeResult : result.results()) {
      Change change = changeResult.change();
      if (changeResult.succeeded()) {
        out.println(
            "  "
                + style.green("done")
                + "   "
                + change.action().symbol()
                + " "
                + Visible.of(change.address().text()));
      } else {
        out.println(
            "  "
                + style.red("FAILED")
                + " "
                + change.action().symbol()
                + " "
                + Visible.of(change.address().text())
                + ": "
                + Visible.of(changeResult.error().orElseThrow()));
      }
    }
    out.println();
    long failed = result.failed();
    long done = result.results().stream().filter(ChangeResult::succeeded).count();
    out.println(
        style.bold(
            "Apply "
                + (failed == 0 ? "complete" : "incomplete")
                + ": "
                + done
                + " done, "
                + failed
                + " failed."));
    if (result.converged()) {
      out.println(style.green("Converged:") + " the host matches " + source + ".");
    } else {
      out.println(
          style.red("Did not converge:")
              + " "
              + result.after().changes().size()
              + " changes remain; run `wslnet plan` to see them.");
    }
    result
        .restartError()
        .ifPresent(
            error -> out.println(style.red("wsl --shutdown failed:") + " " + Visible.of(error)));
    if (result.restartPending()) {
      out.println(
          "Restart pending: WSL reads .wslconfig when it starts; run `wsl --shutdown`, or apply"
              + " with --restart-wsl.");
    }
  }
}
