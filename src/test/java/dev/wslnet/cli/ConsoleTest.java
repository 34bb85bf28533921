package dev.wslnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the Windows launchers tell of stdin and stderr decides whether apply may ask. */
class ConsoleTest {
  @AfterEach
  void forget() {
    System.clearProperty("wslnet.terminal");
  }

  @Test
  void theLaunchersWordDecides() {
    System.setProperty("wslnet.terminal", "none");
    assertThat(Console.system().promptable()).isFalse();
    System.setProperty("wslnet.terminal", "stdin,stderr");
    assertThat(Console.system().promptable()).isTrue();
  }

  /** Under the build, stdin is no terminal: /proc/self/fd says so. */
  @Test
  void withoutItLinuxReadsTheDescriptors() {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        java.nio.file.Files.isDirectory(java.nio.file.Path.of("/proc/self/fd")));
    assertThat(Console.system().promptable()).isFalse();
  }
}
