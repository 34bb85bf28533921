package dev.wslnet.diagnostic;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * How to fix a kind of problem, with an example where one fits: a file before and after, or what to
 * run on Windows. SARIF's rule help shows it, and GitHub code scanning beside each alert. The texts
 * live in {@value #RESOURCE}, read on first use.
 */
public record Fix(
    Code code,
    String how,
    Optional<String> language,
    Optional<String> before,
    Optional<String> after) {
  static final String RESOURCE = "/diagnostic/fixes.yaml";

  public static Fix of(Code code) {
    return Catalogue.FIXES.get(code);
  }

  /** The rule's help as Markdown: what the problem is, how to fix it, and the example. */
  public String markdown() {
    StringBuilder markdown =
        new StringBuilder()
            .append("**")
            .append(code.title())
            .append("** (")
            .append(code.id())
            .append(")\n\n")
            .append(code.help())
            .append("\n\n**How to fix:** ")
            .append(how)
            .append('\n');
    before.ifPresent(text -> block(markdown, "Before:", text));
    after.ifPresent(text -> block(markdown, before.isPresent() ? "After:" : "For example:", text));
    return markdown.toString();
  }

  private void block(StringBuilder markdown, String caption, String text) {
    markdown
        .append('\n')
        .append(caption)
        .append("\n\n```")
        .append(language.orElse(""))
        .append('\n')
        .append(text)
        .append("```\n");
  }

  /** The rule's help as plain text: what the problem is and how to fix it. */
  public String text() {
    return code.help() + " How to fix: " + how;
  }

  private record Entry(String fix, String language, String before, String after) {}

  private static final class Catalogue {
    static final Map<Code, Fix> FIXES = load();

    private static Map<Code, Fix> load() {
      Map<String, Entry> entries;
      try (InputStream in = Fix.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(RESOURCE + " is missing from the jar");
        }
        entries = YAMLMapper.builder().build().readValue(in, new TypeReference<>() {});
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Map<Code, Fix> fixes = new EnumMap<>(Code.class);
      for (Code code : Code.values()) {
        Entry entry = entries.get(code.id());
        if (entry == null) {
          throw new IllegalStateException(RESOURCE + " has no fix for " + code.id());
        }
        fixes.put(
            code,
            new Fix(
                code,
                entry.fix(),
                Optional.ofNullable(entry.language()),
                Optional.ofNullable(entry.before()),
                Optional.ofNullable(entry.after())));
      }
      return fixes;
    }
  }
}
