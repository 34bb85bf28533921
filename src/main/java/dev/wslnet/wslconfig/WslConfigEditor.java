package dev.wslnet.wslconfig;

import dev.wslnet.model.WslEdit;
import dev.wslnet.model.WslKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Edits .wslconfig losslessly: only the lines that must change are touched; comments, blank lines,
 * key order, unknown keys and sections, line endings, encoding and byte-order mark stay as they
 * were. A set key is changed where WSL reads it (also under the old [experimental] spelling); a new
 * key goes after the last key of its section; a missing section is appended; a removed key loses
 * every occurrence. Every result is read back with {@link WslConfigParser} before it is returned:
 * an edit WSL would not read as intended is refused.
 */
public final class WslConfigEditor {
  private WslConfigEditor() {}

  /** The edited file's bytes, or the same bytes when nothing had to change. */
  public static byte[] apply(WslConfigText file, List<WslEdit> edits) {
    String withoutRemoved = removeKeys(file, edits);
    String edited =
        setKeys(new WslConfigText(file.encoding(), withoutRemoved), edits, file.lineBreak());
    if (edited.equals(file.text())) {
      return file.encode();
    }
    WslConfigText result = new WslConfigText(file.encoding(), edited);
    verify(result, edits);
    return result.encode();
  }

  /** Removes every line of every removed key; whole lines, line break included. */
  private static String removeKeys(WslConfigText file, List<WslEdit> edits) {
    ParsedWslConfig parsed = WslConfigParser.parse(file);
    String text = file.text();
    List<Splice> splices = new ArrayList<>();
    for (WslEdit edit : edits) {
      if (edit.wanted().isEmpty()) {
        String name = nameOf(edit.key());
        for (KeyLine line : parsed.keyLines()) {
          if (line.name().equals(name)) {
            splices.add(new Splice(line.lineStart(), afterLineBreak(text, line.lineEnd()), ""));
          }
        }
      }
    }
    return splice(text, splices);
  }

  /** Changes each set key where WSL reads it, or adds it at the end of its section. */
  private static String setKeys(WslConfigText file, List<WslEdit> edits, String lineBreak) {
    ParsedWslConfig parsed = WslConfigParser.parse(file);
    String text = file.text();
    List<Splice> splices = new ArrayList<>();
    StringBuilder appended = new StringBuilder();
    String appendedSection = null;
    for (WslEdit edit : edits) {
      if (edit.wanted().isEmpty()) {
        continue;
      }
      String encoded = encode(edit.wanted().get());
      Optional<KeyLine> existing = parsed.effectiveLine(nameOf(edit.key()));
      if (existing.isPresent()) {
        splices.add(new Splice(existing.get().valueStart(), existing.get().valueEnd(), encoded));
        continue;
      }
      String section = edit.key().section().fileName();
      String newLine = edit.key().fileName() + "=" + encoded;
      Optional<Integer> insertAt = endOfSection(parsed, text, section);
      if (insertAt.isPresent()) {
        splices.add(
            new Splice(insertAt.get(), insertAt.get(), lineBreak + newLine, splices.size()));
      } else {
        if (!section.equals(appendedSection)) {
          appended.append(lineBreak).append('[').append(section).append(']').append(lineBreak);
          appendedSection = section;
        }
        appended.append(newLine).append(lineBreak);
      }
    }
    String edited = splice(text, splices);
    return appended.length() == 0 ? edited : appendAtEnd(edited, appended.toString(), lineBreak);
  }

  private static String nameOf(WslKey key) {
    return key.qualifiedName().toLowerCase(Locale.ROOT);
  }

  /** Where a new key of a section goes: after the section's last key line, or after its header. */
  private static Optional<Integer> endOfSection(
      ParsedWslConfig parsed, String text, String section) {
    Optional<KeyLine> lastKey =
        parsed.keyLines().stream()
            .filter(line -> line.section().equalsIgnoreCase(section))
            .max(Comparator.comparingInt(KeyLine::lineStart));
    if (lastKey.isPresent()) {
      return Optional.of(lastKey.get().lineEnd());
    }
    return parsed.headers().stream()
        .filter(header -> header.name().equalsIgnoreCase(section))
        .findFirst()
        .map(header -> endOfLine(text, header.offset()));
  }

  private static String appendAtEnd(String text, String appended, String lineBreak) {
    int ctrlZ = text.indexOf('\u001a');
    String head = ctrlZ < 0 ? text : text.substring(0, ctrlZ);
    String tail = ctrlZ < 0 ? "" : text.substring(ctrlZ);
    if (head.isEmpty()) {
      return appended.substring(lineBreak.length()) + tail;
    }
    boolean endsWithBreak = head.endsWith("\n") || head.endsWith("\r");
    return head + (endsWithBreak ? "" : lineBreak) + appended + tail;
  }

  private static int endOfLine(String text, int from) {
    int i = from;
    while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
      i++;
    }
    return i;
  }

  private static int afterLineBreak(String text, int lineEnd) {
    if (text.startsWith("\r\n", lineEnd)) {
      return lineEnd + 2;
    }
    return lineEnd < text.length() ? lineEnd + 1 : lineEnd;
  }

  /**
   * Replaces [start, end) of the text; {@code order} keeps insertions at one offset in the order of
   * the edits.
   */
  private record Splice(int start, int end, String replacement, int order) {
    Splice(int start, int end, String replacement) {
      this(start, end, replacement, 0);
    }
  }

  /**
   * Applies non-overlapping splices, from the end of the text backwards so that offsets stay valid.
   */
  private static String splice(String text, List<Splice> splices) {
    List<Splice> ordered = new ArrayList<>(splices);
    ordered.sort(Comparator.comparingInt(Splice::start).thenComparingInt(Splice::order).reversed());
    StringBuilder result = new StringBuilder(text);
    for (Splice splice : ordered) {
      result.replace(splice.start(), splice.end(), splice.replacement());
    }
    return result.toString();
  }

  /**
   * A value written so that WSL reads back exactly {@code value}: backslashes, quotes, tabs,
   * newlines and backspaces escaped; quoted when it has outer blanks or a {@code #}.
   */
  /**
   * The first character of {@code value} that no .wslconfig line can carry, if any: control
   * characters other than the tab, newline and backspace that WSL's parser reads as escapes, DEL,
   * U+FFFF (its end-of-file marker) and Ctrl+Z.
   */
  public static java.util.OptionalInt firstUnwritable(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (unwritable(value.charAt(i))) {
        return java.util.OptionalInt.of(i);
      }
    }
    return java.util.OptionalInt.empty();
  }

  private static boolean unwritable(char c) {
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\b')
        || c == '\u007f'
        || c == '\uffff'
        || c == '\u001a';
  }

  public static String encode(String value) {
    StringBuilder escaped = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> escaped.append("\\\\");
        case '"' -> escaped.append("\\\"");
        case '\t' -> escaped.append("\\t");
        case '\n' -> escaped.append("\\n");
        case '\b' -> escaped.append("\\b");
        default -> {
          if (unwritable(c)) {
            throw new IllegalArgumentException(
                "a .wslconfig value cannot hold the control character U+"
                    + String.format("%04X", (int) c));
          }
          escaped.append(c);
        }
      }
    }
    boolean quote = value.startsWith(" ") || value.endsWith(" ") || value.indexOf('#') >= 0;
    return quote ? '"' + escaped.toString() + '"' : escaped.toString();
  }

  private static void verify(WslConfigText result, List<WslEdit> edits) {
    ParsedWslConfig reread = WslConfigParser.parse(result);
    for (WslEdit edit : edits) {
      Optional<String> read = reread.value(nameOf(edit.key()));
      Optional<String> wanted = edit.wanted();
      boolean same =
          wanted.isEmpty()
              ? read.isEmpty()
              : read.isPresent()
                  && Objects.equals(
                      WslValues.canonical(edit.key().type(), read.get()),
                      WslValues.canonical(edit.key().type(), wanted.get()));
      if (!same) {
        throw new WslConfigEditException(
            "after the edit WSL would read "
                + edit.key().qualifiedName()
                + " as "
                + read.map(v -> "\"" + v + "\"").orElse("absent")
                + ", not "
                + wanted.map(v -> "\"" + v + "\"").orElse("absent")
                + "; the file's structure (a bad section header before it?) keeps wslnet from"
                + " editing it safely");
      }
    }
  }
}
