package dev.wslnet.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * IpLiteral reads addresses character by character; it must take exactly what the regular
 * expressions that said what a literal is take: these.
 */
class IpLiteralProperties {
  private static final Pattern IPV4 =
      Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
  private static final Pattern HEX_GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");
  private static final Pattern LOOKS_NUMERIC = Pattern.compile("[0-9.]+");

  @Property(tries = 5000)
  void ipv4IsFourGroupsOfAtMost255(@ForAll("dotted") String text) {
    Matcher matcher = IPV4.matcher(text);
    boolean expected = matcher.matches();
    for (int group = 1; expected && group <= 4; group++) {
      expected = Integer.parseInt(matcher.group(group)) <= 255;
    }
    assertThat(IpLiteral.isIpv4(text)).as("%s", text).isEqualTo(expected);
  }

  @Property(tries = 3000)
  void hexGroupsAreOneToFourHexDigits(@ForAll("hexish") String text) {
    assertThat(IpLiteral.isHexGroup(text))
        .as("%s", text)
        .isEqualTo(HEX_GROUP.matcher(text).matches());
  }

  @Property(tries = 3000)
  void aLiteralIsDigitsAndDotsOrHasAColon(@ForAll("dotted") String text) {
    assertThat(IpLiteral.looksLikeLiteral(text))
        .as("%s", text)
        .isEqualTo(LOOKS_NUMERIC.matcher(text).matches() || text.contains(":"));
  }

  @Example
  void unicodeDigitsAreNoAddress() {
    assertThat(IpLiteral.isIpv4("١٢.0.0.1")).isFalse();
    assertThat(IpLiteral.isHexGroup("１")).isFalse();
    assertThat(IpLiteral.looksLikeLiteral("١٢")).isFalse();
  }

  /** Dotted numbers, near-misses of them, and other short texts. */
  @Provide
  Arbitrary<String> dotted() {
    Arbitrary<String> group =
        Arbitraries.oneOf(
            Arbitraries.integers().between(0, 999).map(String::valueOf),
            Arbitraries.of("0", "00", "255", "256", "099", "300", "1000"),
            Arbitraries.strings().withChars("0123456789").ofMaxLength(4),
            Arbitraries.strings().withChars("09a. ").ofMaxLength(2));
    return Arbitraries.oneOf(
        group.list().ofMinSize(1).ofMaxSize(6).map(parts -> String.join(".", parts)),
        Arbitraries.strings().withChars("0123456789.:a ").ofMaxLength(16));
  }

  @Provide
  Arbitrary<String> hexish() {
    return Arbitraries.strings().withChars("09afAFgG:. ").ofMaxLength(6);
  }
}
