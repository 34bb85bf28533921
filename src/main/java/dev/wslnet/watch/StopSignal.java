package dev.wslnet.watch;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Tells a watch to stop (SIGINT, SIGTERM), and lets it wait between checks without missing that: a
 * stop ends the wait at once.
 */
public class StopSignal {
  private final CountDownLatch stopped = new CountDownLatch(1);

  public void stop() {
    stopped.countDown();
  }

  public boolean isStopped() {
    return stopped.getCount() == 0;
  }

  /** Waits up to {@code time}; true when asked to stop, before or during the wait. */
  public boolean await(Duration time) {
    try {
      return stopped.await(time.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }
}
