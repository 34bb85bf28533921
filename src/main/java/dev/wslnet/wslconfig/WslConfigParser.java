package dev.wslnet.wslconfig;

import dev.wslnet.model.WslValueType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads .wslconfig exactly as WSL's {@code ParseConfigFile} does (reference: wslconfig-parser.md;
 * the model is shared/tools/wslconfig_oracle.py, against which a test runs this class on random
 * files). Besides WSL's values and warnings it records where each key line stands, so that {@link
 * WslConfigEditor} can change it in place.
 */
public final class WslConfigParser {
  private static final int EOF = -1;

  private final String text;
  private final int end;
  private int pos;
  private int line;
  private int ch;

  private final Map<String, String> values = new LinkedHashMap<>();
  private final Set<String> firstSeen = new HashSet<>();
  private final List<WslConfigWarning> warnings = new ArrayList<>();
  private final List<KeyLine> keyLines = new ArrayList<>();
  private final List<SectionHeader> headers = new ArrayList<>();

  private WslConfigParser(String text) {
    this.text = text;
    int ctrlZ = text.indexOf('\u001a');
    this.end = ctrlZ < 0 ? text.length() : ctrlZ;
  }

  public static ParsedWslConfig parse(WslConfigText file) {
    WslConfigParser parser = new WslConfigParser(file.text());
    boolean complete = parser.run();
    return new ParsedWslConfig(
        file, parser.values, parser.warnings, parser.keyLines, parser.headers, complete);
  }

  /** fgetwc in text mode: CR LF reads as LF; Ctrl+Z and U+FFFF read as end of file. */
  private int get() {
    if (pos < end && text.charAt(pos) == '\r' && pos + 1 < end && text.charAt(pos + 1) == '\n') {
      pos++;
    }
    pos++;
    if (pos > end) {
      return EOF;
    }
    char c = text.charAt(pos - 1);
    return c == '\uffff' ? EOF : c;
  }

  private void unget() {
    pos--;
  }

  /** feof: true once a read has gone past the end. */
  private boolean atEof() {
    return pos > end;
  }

  private static boolean alpha(int c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  private static boolean alnum(int c) {
    return alpha(c) || c >= '0' && c <= '9';
  }

  private static boolean blank(int c) {
    return c == ' ' || c == '\t';
  }

  private void warn(String kind) {
    warnings.add(new WslConfigWarning(line, kind));
  }

  private enum State {
    NEWLINE,
    SECTION,
    KEY,
    INVALID
  }

  /** Returns false when WSL stops reading early (an invalid macAddress). */
  private boolean run() {
    ch = 0;
    boolean trailing = false;
    int sectionLength = 0;
    StringBuilder keyBuffer = new StringBuilder();
    int lineStart = 0;
    State state = State.NEWLINE;
    while (true) {
      switch (state) {
        case NEWLINE -> {
          line += trailing ? 0 : 1;
          while (true) {
            if (ch == '#') {
              while (true) {
                ch = get();
                if (ch == '\r') {
                  ch = get();
                }
                if (ch == '\n') {
                  line++;
                }
                if (ch == EOF || ch == '\n') {
                  break;
                }
              }
              trailing = false;
            }
            if (atEof()) {
              return true;
            }
            lineStart = pos;
            ch = get();
            while (blank(ch)) {
              ch = get();
            }
            if (ch == '\r') {
              int after = get();
              if (after == '\n') {
                line++;
              } else if (after != EOF) {
                unget();
              }
            } else if (ch == '\n') {
              line++;
            } else if (ch == '[') {
              state = State.SECTION;
              break;
            } else if (ch != EOF && ch != '#') {
              if (alpha(ch)) {
                state = State.KEY;
              } else {
                warn("invalid-key");
                state = State.INVALID;
              }
              break;
            }
          }
        }
        case SECTION -> {
          int headerStart = pos - 1;
          ch = get();
          state = State.INVALID;
          if (!alpha(ch)) {
            warn("invalid-section");
            continue;
          }
          keyBuffer.setLength(0);
          while (alnum(ch)) {
            keyBuffer.append((char) ch);
            ch = get();
          }
          if (ch != ']') {
            warn("expected ']'");
            continue;
          }
          ch = get();
          while (blank(ch)) {
            ch = get();
          }
          if (ch != EOF && ch != '\n' && ch != '\r' && ch != '#') {
            warn("expected ' ' or '\\n'");
            continue;
          }
          trailing = ch == '#';
          sectionLength = keyBuffer.length();
          headers.add(new SectionHeader(keyBuffer.toString(), headerStart));
          state = State.NEWLINE;
        }
        case KEY -> {
          String section =
              keyBuffer.length() >= sectionLength
                  ? keyBuffer.substring(0, sectionLength)
                  : keyBuffer + "\0".repeat(sectionLength - keyBuffer.length());
          keyBuffer.setLength(0);
          keyBuffer.append(section).append(sectionLength > 0 ? "." : "");
          int keyStart = pos - 1;
          int keyNameStart = keyBuffer.length();
          while (alnum(ch)) {
            keyBuffer.append((char) ch);
            ch = get();
          }
          String keyName = keyBuffer.substring(keyNameStart);
          int keyEnd = keyStart + keyName.length();
          while (blank(ch)) {
            ch = get();
          }
          state = State.INVALID;
          if (ch != '=') {
            warn("expected '='");
            continue;
          }
          ch = get();
          while (blank(ch)) {
            ch = get();
          }
          int valueStart = Math.min(pos - 1, end);
          int valueEnd = Math.max(valueStart, Math.min(pos - 1, end));
          StringBuilder value = new StringBuilder();
          int kept = 0;
          boolean quoted = false;
          boolean good = true;
          while (ch != EOF && ch != '\n' && ch != '\r') {
            if (ch == '"') {
              quoted = !quoted;
            } else if (ch == '\\') {
              int escaped = get();
              if (escaped == '\n') {
                line++;
              } else if (escaped == '\\'
                  || escaped == '"'
                  || escaped == 'b'
                  || escaped == 'n'
                  || escaped == 't') {
                value.append(
                    switch (escaped) {
                      case 'b' -> '\b';
                      case 'n' -> '\n';
                      case 't' -> '\t';
                      default -> (char) escaped;
                    });
              } else if (escaped != '\r') {
                warn("invalid-escape");
                good = false;
                break;
              }
            } else if (ch == '#' && !quoted) {
              trailing = true;
              break;
            } else {
              value.append((char) (ch & 0xFF));
            }
            if (!blank(ch)) {
              kept = value.length();
              valueEnd = pos;
            }
            ch = get();
          }
          if (good && quoted) {
            warn("expected \"");
            good = false;
          }
          if (!good) {
            continue;
          }
          KeyLine keyLine =
              new KeyLine(
                  keyBuffer.toString(),
                  keyName,
                  lineStart,
                  keyStart,
                  keyEnd,
                  valueStart,
                  valueEnd,
                  endOfLine(valueEnd),
                  line);
          if (!store(keyLine, value.substring(0, kept))) {
            return false;
          }
          state = State.NEWLINE;
        }
        case INVALID -> {
          while (ch != EOF && ch != '\n') {
            ch = get();
          }
          state = State.NEWLINE;
        }
      }
    }
  }

  /**
   * The offset of the line break (or end of text) at or after {@code from}, without consuming
   * anything.
   */
  private int endOfLine(int from) {
    int i = from;
    while (i < end && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
      i++;
    }
    return i;
  }

  /**
   * SetConfig and ConfigKey::Parse: the first occurrence of a known key wins; unknown keys warn
   * every time.
   */
  private boolean store(KeyLine keyLine, String rawValue) {
    String name = cutAtNul(keyLine.rawName()).toLowerCase(Locale.ROOT);
    String value = lowBytesAsUtf8(cutAtNul(rawValue));
    name = WslConfigKeyTable.canonicalName(name);
    Optional<WslValueType> type = WslConfigKeyTable.typeOf(name);
    boolean effective = false;
    try {
      if (type.isEmpty()) {
        warn("unknown-key");
        values.putIfAbsent(name, value);
        return true;
      }
      if (!firstSeen.add(name)) {
        warn("duplicate");
        return true;
      }
      effective = true;
      values.put(name, value);
      List<String> found = WslValues.warnings(type.get(), value);
      found.forEach(this::warn);
      return !found.contains("invalid-mac");
    } finally {
      keyLines.add(keyLine.withOutcome(name, value, effective, type.isPresent()));
    }
  }

  private static String cutAtNul(String text) {
    int nul = text.indexOf('\0');
    return nul < 0 ? text : text.substring(0, nul);
  }

  /** WSL narrows each UTF-16 unit to its low byte and later reads those bytes as UTF-8. */
  private static String lowBytesAsUtf8(String narrowed) {
    byte[] bytes = new byte[narrowed.length()];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) narrowed.charAt(i);
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
