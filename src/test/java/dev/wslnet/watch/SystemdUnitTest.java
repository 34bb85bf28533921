package dev.wslnet.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SystemdUnitTest {
  @Test
  void theUnitRunsTheWatchWithTheDistrosInteropSocket() {
    assertThat(
            SystemdUnit.text(
                Path.of("/opt/wslnet/bin/wslnet"),
                Path.of("/home/me/net/wslnet.yaml"),
                Duration.ofSeconds(2)))
        .isEqualTo(
            """
            [Unit]
            Description=wslnet watch: keeps WSL networking as /home/me/net/wslnet.yaml says

            [Service]
            Environment=WSL_INTEROP=/run/WSL/1_interop
            ExecStart="/opt/wslnet/bin/wslnet" "watch" "-f" "/home/me/net/wslnet.yaml" "--host" "wsl" "--interval" "2s"
            Restart=on-failure
            RestartSec=30

            [Install]
            WantedBy=default.target
            """);
  }

  /** systemd.service: quotes and backslashes escaped; systemd.unit: % doubled; $ doubled. */
  @Test
  void pathsStayDataWhateverTheyHold() {
    assertThat(SystemdUnit.quote("/home/me/my \"net\" 100% $HOME\\x.yaml"))
        .isEqualTo("\"/home/me/my \\\"net\\\" 100%% $$HOME\\\\x.yaml\"");
    assertThatThrownBy(() -> SystemdUnit.quote("/home/me/a\nExecStartPre=/bin/rm"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
