package dev.wslnet.watch;

import java.time.Duration;

/** How long a watch waits after failures in a row: the interval, doubled per failure, capped. */
record Backoff(Duration interval, Duration max) {

  /** The wait after {@code failures} failures in a row; the interval after none. */
  Duration after(int failures) {
    Duration wait = interval;
    for (int i = 0; i < failures && wait.compareTo(max) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(max) > 0 ? max : wait;
  }
}
