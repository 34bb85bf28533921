package dev.wslnet.watch;

import java.time.Duration;

/**
 * How long a watch waits after failures in a row: the interval, doubled per failure, up to a cap;
 * never less than the interval, which may itself be longer than the cap.
 */
record Backoff(Duration interval, Duration max) {

  /** The wait after {@code failures} failures in a row; the interval after none. */
  Duration after(int failures) {
    Duration cap = max.compareTo(interval) > 0 ? max : interval;
    Duration wait = interval;
    for (int i = 0; i < failures && wait.compareTo(cap) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(cap) > 0 ? cap : wait;
  }
}
