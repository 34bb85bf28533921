package dev.wslnet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {
  @ParameterizedTest
  @CsvSource({
    "2s, PT2S",
    "500ms, PT0.5S",
    "15m, PT15M",
    "1h, PT1H",
    "1m30s, PT1M30S",
    "1h1ms, PT1H0.001S"
  })
  void readsTheUnitsPeopleWrite(String text, Duration expected) {
    assertThat(new DurationConverter().convert(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "2",
        "s",
        "2 s",
        "-2s",
        "2d",
        "PT2S",
        "1.5s",
        "99ms",
        "0s",
        "2s ",
        "745h",
        "999999999h",
        "1s1s1s1s1s1s1s1s1s1s1s1s1s1s1s1s1s"
      })
  void refusesWhatIsNoDurationOrTooShortOrTooLong(String text) {
    assertThatThrownBy(() -> new DurationConverter().convert(text))
        .isInstanceOf(TypeConversionException.class);
  }
}
