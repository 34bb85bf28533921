package dev.wslnet.config.yaml;

import dev.wslnet.diagnostic.Code;
import dev.wslnet.diagnostic.Diagnostic;
import dev.wslnet.diagnostic.SourceSpan;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ScannerException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.ScannerImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a YAML 1.2 file into JSON data, with the YAML 1.2 core schema: {@code yes}, {@code on} and
 * {@code 22:22} are strings, {@code ~} and {@code null} are null, {@code true}/{@code True} are
 * booleans, {@code 0755} is the decimal 755 and {@code 0o755} the octal one. Every problem becomes
 * a {@link Diagnostic}; nothing here throws on bad input.
 */
public final class YamlLoader {
  /** Larger than any real desired-state file (5,000 rules take well under 2 MiB). */
  public static final int MAX_BYTES = 16 * 1024 * 1024;

  static final int MAX_DEPTH = 64;
  static final int MAX_ALIASES = 50;
  static final int MAX_NODES = 500_000;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final CoreSchema SCHEMA = new CoreSchema();
  private static final Map<Tag, ConstructNode> CONSTRUCTORS = SCHEMA.getSchemaTagConstructors();

  /**
   * The same for every file, so made once: a builder of settings compiles a schema's resolvers of
   * its own. No label: messages name the file themselves, and marks are turned into positions.
   */
  private static final LoadSettings SETTINGS =
      LoadSettings.builder()
          .setSchema(SCHEMA)
          .setMaxAliasesForCollections(MAX_ALIASES)
          .setCodePointLimit(MAX_BYTES)
          .setAllowRecursiveKeys(false)
          .setUseMarks(true)
          .build();

  private YamlLoader() {}

  public static LoadedYaml load(String file, byte[] bytes) {
    if (bytes.length > MAX_BYTES) {
      return failed(
          file,
          List.of(),
          Diagnostic.ofFile(
              Code.FILE_TOO_LARGE,
              file,
              "the file has " + bytes.length + " bytes; wslnet reads at most " + MAX_BYTES,
              "split the file, or check that this is the file you meant"));
    }
    String text;
    try {
      text = decodeUtf8(bytes);
    } catch (NotUtf8 e) {
      List<String> lines = lines(e.decodedPrefix);
      int line = lines.size() - 1;
      SourceSpan span = SourceSpan.at(line, lines.get(line).length());
      return failed(
          file,
          lines,
          new Diagnostic(
              Code.NOT_UTF8,
              Code.NOT_UTF8.severity(),
              "byte 0x"
                  + String.format("%02X", e.badByte)
                  + " at offset "
                  + e.offset
                  + " is not UTF-8",
              file,
              Optional.of(span),
              Optional.empty(),
              Optional.of(lines.get(line)),
              Optional.of("save the file as UTF-8")));
    }
    List<String> lines = lines(text);
    if (text.isBlank() || onlyComments(lines)) {
      return failed(
          file,
          lines,
          Diagnostic.ofFile(
              Code.DOCUMENT_COUNT,
              file,
              "the file is empty",
              "a desired-state file starts with `version: 1`"));
    }
    Builder builder = new Builder(file, lines);
    try {
      Optional<Node> document =
          new Composer(
                  SETTINGS,
                  new Preflight(
                      new ParserImpl(
                          SETTINGS, new ScannerImpl(SETTINGS, new StreamReader(SETTINGS, text))),
                      builder))
              .getSingleNode();
      if (document.isEmpty()) {
        return failed(
            file,
            lines,
            Diagnostic.ofFile(
                Code.DOCUMENT_COUNT,
                file,
                "the file holds no YAML document",
                "a desired-state file starts with `version: 1`"));
      }
      JsonNode root = builder.convert(document.get(), "", "");
      return new LoadedYaml(file, Optional.of(root), builder.sourceMap(), builder.problems);
    } catch (Refused e) {
      return failed(file, lines, e.diagnostic);
    } catch (TooManyNodes e) {
      return failed(
          file,
          lines,
          builder.aliases > 0
              ? Diagnostic.ofFile(
                  Code.YAML_LIMIT,
                  file,
                  "aliases expand to more than " + MAX_NODES + " nodes",
                  "use fewer aliases (&anchor/*alias)")
              : Diagnostic.ofFile(
                  Code.YAML_LIMIT,
                  file,
                  "the file holds more than " + MAX_NODES + " YAML nodes",
                  "a desired-state file is far smaller; check that this is the file you meant"));
    } catch (MarkedYamlEngineException e) {
      Mark mark = e.getProblemMark().or(e::getContextMark).orElse(null);
      return failed(
          file,
          lines,
          builder.at(Code.YAML_SYNTAX, mark, syntaxMessage(e), syntaxHint(e, mark, lines)));
    } catch (YamlEngineException e) {
      return failed(
          file,
          lines,
          Diagnostic.ofFile(Code.YAML_SYNTAX, file, syntaxMessage(e), syntaxHint(e, null, lines)));
    }
  }

  private static LoadedYaml failed(String file, List<String> lines, Diagnostic problem) {
    return new LoadedYaml(file, Optional.empty(), SourceMap.empty(lines), List.of(problem));
  }

  /** What the event stream showed that the composer must not get to see. */
  private static final class Refused extends RuntimeException {
    final transient Diagnostic diagnostic;

    Refused(Diagnostic diagnostic) {
      super(diagnostic.message(), null, false, false);
      this.diagnostic = diagnostic;
    }
  }

  /**
   * Refuses, from the event stream as the composer reads it (one pass over the text), what must not
   * reach the composer: nesting so deep that its recursion would overflow the stack, more aliases
   * than the cap (counted here, so that the limit is known by its cause and not by the wording of
   * snakeyaml-engine's message), an alias inside the node it names, and a second document. Each
   * event is checked when the composer first looks at it, before it acts on it.
   */
  private static final class Preflight implements Parser {
    private final Parser events;
    private final Builder builder;
    private int depth;
    private int documents;
    // The anchors of the collections that are open at this point of the stream.
    private final java.util.Deque<Optional<String>> anchors = new java.util.ArrayDeque<>();
    private final java.util.Set<String> open = new java.util.HashSet<>();
    private Event checked;

    Preflight(Parser events, Builder builder) {
      this.events = events;
      this.builder = builder;
    }

    @Override
    public boolean checkEvent(Event.ID choice) {
      if (events.hasNext()) {
        check(events.peekEvent());
      }
      return events.checkEvent(choice);
    }

    @Override
    public Event peekEvent() {
      return check(events.peekEvent());
    }

    @Override
    public boolean hasNext() {
      return events.hasNext();
    }

    @Override
    public Event next() {
      return check(events.next());
    }

    private Event check(Event event) {
      if (event == checked) {
        return event;
      }
      checked = event;
      switch (event.getEventId()) {
        case Alias -> {
          String alias = ((AliasEvent) event).getAlias().getValue();
          if (open.contains(alias)) {
            // An alias inside the node it names (a: &a [*a]) is a cycle: converting it would never
            // end.
            throw refused(
                event,
                Code.YAML_LIMIT,
                "the alias *"
                    + alias
                    + " stands inside the node &"
                    + alias
                    + " that it names, so the node would contain itself",
                "refer to &" + alias + " only after the node it names ends");
          }
          if (++builder.aliases > MAX_ALIASES) {
            throw refused(
                event,
                Code.YAML_LIMIT,
                "the file uses more than " + MAX_ALIASES + " aliases",
                "use fewer aliases (&anchor/*alias)");
          }
        }
        case DocumentStart -> {
          if (++documents > 1) {
            throw refused(
                event,
                Code.DOCUMENT_COUNT,
                "the file holds more than one YAML document",
                "keep one document per file; remove the `---` line");
          }
        }
        case MappingStart, SequenceStart -> {
          Optional<String> anchor =
              ((CollectionStartEvent) event).getAnchor().map(a -> a.getValue());
          anchors.push(anchor);
          anchor.ifPresent(open::add);
          if (++depth > MAX_DEPTH) {
            throw refused(
                event,
                Code.YAML_LIMIT,
                "the YAML nests deeper than " + MAX_DEPTH + " levels",
                "a desired-state file is a few levels deep");
          }
        }
        case MappingEnd, SequenceEnd -> {
          depth--;
          if (!anchors.isEmpty()) {
            anchors.pop().ifPresent(open::remove);
          }
        }
        default -> {}
      }
      return event;
    }

    private Refused refused(Event event, Code code, String message, String hint) {
      return new Refused(builder.at(code, event.getStartMark().orElse(null), message, hint));
    }
  }

  private static String syntaxMessage(YamlEngineException e) {
    if (e instanceof MarkedYamlEngineException marked) {
      String problem = marked.getProblem() == null ? "" : marked.getProblem();
      String context = marked.getContext() == null ? "" : marked.getContext();
      String text = (context.isEmpty() ? problem : context + ": " + problem).strip();
      return text.isEmpty() ? "invalid YAML" : text.replace('\n', ' ');
    }
    return String.valueOf(e.getMessage()).lines().findFirst().orElse("invalid YAML");
  }

  /** A tab where the scanner stopped means tab indentation, which YAML forbids. */
  private static String syntaxHint(YamlEngineException e, Mark mark, List<String> lines) {
    if (e instanceof ScannerException && mark != null && mark.getLine() < lines.size()) {
      String line = lines.get(mark.getLine());
      if (line.substring(0, Math.min(line.length(), mark.getColumn() + 1)).indexOf('\t') >= 0) {
        return "YAML is indented with spaces; replace the tab";
      }
    }
    return "check the indentation and quoting around this point";
  }

  private static boolean onlyComments(List<String> lines) {
    return lines.stream().map(String::strip).allMatch(l -> l.isEmpty() || l.startsWith("#"));
  }

  static List<String> lines(String text) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        lines.add(text.substring(start, i));
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    lines.add(text.substring(start));
    return lines;
  }

  private static String decodeUtf8(byte[] bytes) throws NotUtf8 {
    int offset =
        bytes.length >= 3
                && (bytes[0] & 0xFF) == 0xEF
                && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF
            ? 3
            : 0;
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      out.flip();
      throw new NotUtf8(out.toString(), in.position(), bytes[in.position()]);
    }
    result = decoder.flush(out);
    out.flip();
    return out.toString();
  }

  private static final class NotUtf8 extends CharacterCodingException {
    final String decodedPrefix;
    final int offset;
    final byte badByte;

    NotUtf8(String decodedPrefix, int offset, byte badByte) {
      this.decodedPrefix = decodedPrefix;
      this.offset = offset;
      this.badByte = badByte;
    }
  }

  private static final class TooManyNodes extends RuntimeException {
    TooManyNodes() {
      super(null, null, false, false);
    }
  }

  /**
   * Turns composed nodes into JSON data, recording each node's position and every duplicate key.
   */
  private static final class Builder {
    private final String file;
    private final List<String> lines;
    private final Map<String, SourceMap.Entry> entries = new HashMap<>();
    private final List<Diagnostic> problems = new ArrayList<>();
    private int nodes;

    /** The aliases in the file, counted before composing: they say why a document is too big. */
    private int aliases;

    Builder(String file, List<String> lines) {
      this.file = file;
      this.lines = lines;
    }

    SourceMap sourceMap() {
      return new SourceMap(entries, lines);
    }

    JsonNode convert(Node node, String pointer, String yamlPath) {
      return convert(node, pointer, yamlPath, Optional.empty());
    }

    private JsonNode convert(Node node, String pointer, String yamlPath, Optional<SourceSpan> key) {
      if (++nodes > MAX_NODES) {
        throw new TooManyNodes();
      }
      entries.putIfAbsent(pointer, new SourceMap.Entry(yamlPath, key, span(node)));
      if (node instanceof MappingNode mapping) {
        ObjectNode object = NODES.objectNode();
        Map<String, Mark> seen = new HashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
          if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
            problems.add(
                at(
                    Code.YAML_SYNTAX,
                    tuple.getKeyNode().getStartMark().orElse(null),
                    "a key must be a plain string",
                    "write the key as a single word"));
            continue;
          }
          String name = keyNode.getValue();
          Mark keyMark = keyNode.getStartMark().orElse(null);
          if (seen.containsKey(name)) {
            Mark first = seen.get(name);
            problems.add(
                at(
                    Code.YAML_DUPLICATE_KEY,
                    keyMark,
                    "duplicate key `"
                        + name
                        + "`"
                        + (first == null
                            ? ""
                            : "; it first appears on line " + (first.getLine() + 1)),
                    "remove one of the two"));
            continue;
          }
          seen.put(name, keyMark);
          String childPointer = JsonPointers.child(pointer, name);
          object.set(
              name,
              convert(
                  tuple.getValueNode(),
                  childPointer,
                  YamlPaths.child(yamlPath, name),
                  Optional.of(span(keyNode))));
        }
        return object;
      }
      if (node instanceof SequenceNode sequence) {
        ArrayNode array = NODES.arrayNode();
        int index = 0;
        for (Node item : sequence.getValue()) {
          array.add(
              convert(
                  item,
                  JsonPointers.child(pointer, index),
                  YamlPaths.item(yamlPath, index),
                  Optional.empty()));
          index++;
        }
        return array;
      }
      return scalar((ScalarNode) node);
    }

    private JsonNode scalar(ScalarNode node) {
      ConstructNode constructor = CONSTRUCTORS.get(node.getTag());
      if (constructor == null) {
        if (!Tag.STR.equals(node.getTag())) {
          problems.add(
              at(
                  Code.YAML_SYNTAX,
                  node.getStartMark().orElse(null),
                  "the tag " + node.getTag().getValue() + " is not supported",
                  "remove the tag"));
        }
        return NODES.textNode(node.getValue());
      }
      Object value = constructor.construct(node);
      if (value == null) {
        return NODES.nullNode();
      }
      if (value instanceof Boolean b) {
        return NODES.booleanNode(b);
      }
      if (value instanceof Integer i) {
        return NODES.numberNode(i);
      }
      if (value instanceof Long l) {
        return NODES.numberNode(l);
      }
      if (value instanceof BigInteger big) {
        return NODES.numberNode(big);
      }
      if (value instanceof Double d) {
        return NODES.numberNode(d);
      }
      return NODES.textNode(String.valueOf(value));
    }

    private SourceSpan span(Node node) {
      Mark start = node.getStartMark().orElse(null);
      Mark end = node.getEndMark().orElse(null);
      if (start == null) {
        return SourceSpan.at(0, 0);
      }
      int endColumn =
          end != null && end.getLine() == start.getLine() && end.getColumn() > start.getColumn()
              ? end.getColumn()
              : start.getColumn() + 1;
      return new SourceSpan(start.getLine(), start.getColumn(), endColumn);
    }

    Diagnostic at(Code code, Mark mark, String message, String hint) {
      Optional<SourceSpan> span =
          Optional.ofNullable(mark).map(m -> SourceSpan.at(m.getLine(), m.getColumn()));
      Optional<String> line =
          span.flatMap(
              s -> s.line() < lines.size() ? Optional.of(lines.get(s.line())) : Optional.empty());
      return new Diagnostic(
          code,
          code.severity(),
          message,
          file,
          span,
          Optional.empty(),
          line,
          Optional.ofNullable(hint));
    }
  }
}
