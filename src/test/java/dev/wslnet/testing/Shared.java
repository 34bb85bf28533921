package dev.wslnet.testing;

import java.nio.file.Path;
import org.opentest4j.TestAbortedException;

/**
 * The project's shared folder beside the checkout (../shared: the model of WSL's parser, the real
 * users' corpus). A developer's machine may lack it, and a test that needs it is then skipped,
 * saying why; CI has it, so there a missing piece fails the test instead of hiding it behind a
 * skip.
 */
public final class Shared {
  public static final Path ROOT = Path.of("..", "shared").toAbsolutePath().normalize();

  private Shared() {}

  /**
   * Returns when {@code missing} is null; otherwise skips the test, or fails it when the CI
   * variable is set. A CI that has no shared folder by design (GitHub's runners: it is not in the
   * repository) says why in {@code WSLNET_WITHOUT_SHARED}, and the test is skipped with that
   * reason.
   */
  public static void require(String missing) {
    if (missing == null) {
      return;
    }
    String without = System.getenv("WSLNET_WITHOUT_SHARED");
    if (without != null && !without.isBlank()) {
      throw new TestAbortedException("skipped: " + missing + "; " + without);
    }
    String ci = System.getenv("CI");
    if (ci != null && !ci.isEmpty() && !ci.equalsIgnoreCase("false")) {
      throw new AssertionError("CI is set, so this test must run, but " + missing);
    }
    throw new TestAbortedException("skipped: " + missing);
  }
}
