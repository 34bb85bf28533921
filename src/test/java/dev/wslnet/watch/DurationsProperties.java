package dev.wslnet.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/**
 * What the watch writes of a duration reads back as the same duration: the systemd unit passes it
 * to --interval, and a unit that cannot start would restart every 30 seconds for ever.
 */
class DurationsProperties {
  @Property(tries = 3000)
  void parseReadsBackWhatTextWrites(@ForAll @LongRange(min = 100, max = 2_678_400_000L) long ms) {
    Duration duration = Duration.ofMillis(ms);
    assertThat(Durations.parse(Durations.text(duration))).isEqualTo(duration);
  }

  @Example
  void textIsWhatPeopleWrite() {
    assertThat(Durations.text(Duration.ofSeconds(2))).isEqualTo("2s");
    assertThat(Durations.text(Duration.ofMillis(500))).isEqualTo("500ms");
    assertThat(Durations.text(Duration.ofSeconds(90))).isEqualTo("1m30s");
    assertThat(Durations.text(Duration.ofHours(1))).isEqualTo("1h");
    assertThat(Durations.text(Duration.ofMillis(3_600_500))).isEqualTo("1h500ms");
    assertThat(Durations.text(Duration.ofDays(31))).isEqualTo("744h");
  }
}
