package dev.wslnet.config.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * The loader's shortcut for plain scalars gives every scalar the tag that snakeyaml-engine's core
 * resolver gives it, but {@code ${NAME}}, which is text.
 */
class ImplicitTagProperties {
  private static final ScalarResolver CORE = new CoreSchema().getScalarResolver();

  @Property(tries = 3000)
  void sameTagAsTheCoreResolver(@ForAll("scalars") String value, @ForAll boolean plain) {
    Tag core = CORE.resolve(value, plain);
    assertThat(YamlLoader.implicitTag(value, plain))
        .as("`%s`", value)
        .isEqualTo(core.equals(Tag.ENV_TAG) ? Tag.STR : core);
  }

  /** Short strings over the characters the core's patterns care about, and some letters. */
  @Provide
  Arbitrary<String> scalars() {
    Arbitrary<String> random =
        Arbitraries.strings()
            .withChars("tfTFnNulrueasx0123456789+-.eEoxabcABC~$<{} _:")
            .ofMaxLength(7);
    Arbitrary<String> known =
        Arbitraries.of(
            "", " ", "~", "null", "Null", "NULL", "true", "False", "TRUE", ".inf", "-.Inf", ".NaN",
            "0o17", "0x1F", "1e5", "+1", "-.5", "<<", "${A}", "${A:-b}", "nope", "Nan", "yes",
            "0.0.0.0", "1.2.3", "1..2", ".1.", "$wsl", "$");
    return Arbitraries.oneOf(random, known);
  }
}
