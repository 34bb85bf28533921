package dev.wslnet.config.yaml;

import dev.wslnet.config.yaml.SourceMap.Field;
import dev.wslnet.config.yaml.SourceMap.Place;
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
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ScannerException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
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

  /**
   * The longest line read, in characters. snakeyaml-engine's reader copies its window again for
   * every piece of a token that does not fit it, so a token costs the square of its length: a 15 MB
   * line took minutes. With this cap the largest file is read in seconds; no desired-state file
   * needs such a line, and a long flow list or quoted string can go on over several lines.
   */
  static final int MAX_LINE = 100_000;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final CoreSchema SCHEMA = new CoreSchema();
  private static final ScalarResolver RESOLVER = SCHEMA.getScalarResolver();
  private static final Map<Tag, ConstructNode> CONSTRUCTORS = SCHEMA.getSchemaTagConstructors();

  /**
   * The first characters of every plain scalar that snakeyaml-engine's core resolver can give a tag
   * other than text: those its resolvers are registered for (CoreScalarResolver: bool "tfTF", int
   * and float "-+0123456789.", null "n", merge "<") and those of the values its resolvers for any
   * first character match ("", "~", "null", "Null", "NULL", " "). A plain scalar starting with
   * anything else is text, found without trying a regular expression: most keys and names. "$"
   * starts ${NAME}, whose tag is text here too (see {@link #implicitTag}), so {@code $wsl} is found
   * the same way.
   */
  private static final String TAGGED_STARTS = "tfTF-+0123456789.n<~N ";

  /** The tags of YAML 1.2's core schema that make JSON values other than text. */
  private static final java.util.Set<Tag> CORE_TAGS =
      java.util.Set.of(Tag.NULL, Tag.BOOL, Tag.INT, Tag.FLOAT);

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
      return LoadedYaml.unread(
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
      return LoadedYaml.failed(
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
    for (int line = 0; line < lines.size(); line++) {
      int length = lines.get(line).length();
      if (length > MAX_LINE) {
        return LoadedYaml.failed(
            lines,
            new Diagnostic(
                Code.YAML_LIMIT,
                Code.YAML_LIMIT.severity(),
                "the line has " + length + " characters; wslnet reads lines of at most " + MAX_LINE,
                file,
                Optional.of(SourceSpan.at(line, MAX_LINE)),
                Optional.empty(),
                Optional.empty(),
                Optional.of(
                    "break the line: a flow list or a quoted string can go on over several"
                        + " lines")));
      }
    }
    if (text.isBlank() || onlyComments(lines)) {
      return LoadedYaml.failed(
          lines,
          Diagnostic.ofFile(
              Code.DOCUMENT_COUNT,
              file,
              "the file is empty",
              "a desired-state file starts with `version: 1`"));
    }
    Builder builder = new Builder(file, lines);
    try {
      Preflight events =
          new Preflight(
              new ParserImpl(SETTINGS, new ScannerImpl(SETTINGS, new StreamReader(SETTINGS, text))),
              builder);
      Optional<Built> document = builder.document(events);
      if (document.isEmpty()) {
        return LoadedYaml.failed(
            lines,
            Diagnostic.ofFile(
                Code.DOCUMENT_COUNT,
                file,
                "the file holds no YAML document",
                "a desired-state file starts with `version: 1`"));
      }
      return new LoadedYaml(
          file,
          Optional.of(document.get().json()),
          new SourceMap(Optional.of(document.get().place()), lines),
          builder.problems);
    } catch (Refused e) {
      return LoadedYaml.failed(lines, e.diagnostic);
    } catch (TooManyNodes e) {
      return LoadedYaml.failed(
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
      return LoadedYaml.failed(
          lines, builder.at(Code.YAML_SYNTAX, mark, syntaxMessage(e), syntaxHint(e, mark, lines)));
    } catch (YamlEngineException e) {
      return LoadedYaml.failed(
          lines,
          Diagnostic.ofFile(Code.YAML_SYNTAX, file, syntaxMessage(e), syntaxHint(e, null, lines)));
    }
  }

  /**
   * The tag of a scalar written without one, by YAML 1.2's core schema. {@code ${NAME}} is text
   * there: only snakeyaml-engine's resolver gives it a tag of its own, for a substitution that
   * wslnet does not make. A plain {@code <<} keeps the merge tag, which only a key acts on.
   */
  static Tag implicitTag(String value, boolean plain) {
    if (plain && !value.isEmpty() && TAGGED_STARTS.indexOf(value.charAt(0)) < 0) {
      return Tag.STR;
    }
    if (plain && digitsOnly(value)) {
      // Ports, the commonest tagged scalars: int by the core schema's first pattern, [-+]?[0-9]+,
      // without a regular expression's matcher for each.
      return Tag.INT;
    }
    if (plain && value.indexOf('.') != value.lastIndexOf('.')) {
      // IPv4 addresses: no int, float, bool or null of the core schema has two dots.
      return Tag.STR;
    }
    Tag tag = RESOLVER.resolve(value, plain);
    return tag.equals(Tag.ENV_TAG) ? Tag.STR : tag;
  }

  /** Whether a text is ASCII digits and nothing else, at least one. */
  static boolean digitsOnly(String value) {
    if (value.isEmpty()) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) < '0' || value.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** What the event stream showed that the builder must not get to see. */
  private static final class Refused extends RuntimeException {
    final transient Diagnostic diagnostic;

    Refused(Diagnostic diagnostic) {
      super(diagnostic.message(), null, false, false);
      this.diagnostic = diagnostic;
    }
  }

  /**
   * Refuses, from the event stream as the builder reads it (one pass over the text), what must not
   * reach the builder: nesting so deep that its recursion would overflow the stack, more aliases
   * than the cap (counted here, so that the limit is known by its cause and not by the wording of
   * snakeyaml-engine's message), an alias inside the node it names, and a second document. Each
   * event is checked when the builder first looks at it, before it acts on it.
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
    if (text.indexOf('\r') < 0) {
      // Most files end lines with LF alone: String.indexOf finds them with the JVM's vectorised
      // intrinsic even before this method is compiled, where the loop below ran a 10,000-line
      // file in the interpreter (3% of a large plan).
      for (int end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
        lines.add(text.substring(start, end));
        start = end + 1;
      }
      lines.add(text.substring(start));
      return lines;
    }
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
   * One node as read from the events: its JSON value, the scalar it is (for a key's name and a
   * merge key's tag), where it stands, where it was written (an alias's own place, for problems
   * found where it is used), and how many nodes its value holds, as the node cap counts them.
   */
  private record Built(
      JsonNode json, Optional<ScalarNode> scalar, Place place, Mark start, int size) {

    /**
     * The same node, used by an alias written at {@code start}: a copy of its JSON, so that the
     * document stays a tree.
     */
    Built at(Mark start) {
      return new Built(json.deepCopy(), scalar, place, start, size);
    }
  }

  /**
   * Turns the parser's events into JSON data, node by node, recording where each node stands and
   * every duplicate key. It does what snakeyaml-engine's {@code Composer} does (anchors, aliases,
   * the core schema's implicit tags, merge keys), without composing a tree of its nodes first: for
   * a file of 5,000 rules that tree cost more than parsing the text. The rules it follows are
   * snakeyaml-engine 3.0.1's {@code Composer.composeNode} and {@code MergeUtils.flatten}.
   */
  private static final class Builder {
    private final String file;
    private final List<String> lines;
    private final List<Diagnostic> problems = new ArrayList<>();
    private final Map<String, Built> anchors = new HashMap<>();
    private Preflight events;
    private int nodes;

    /** The aliases in the file, counted as they come: they say why a document is too big. */
    private int aliases;

    Builder(String file, List<String> lines) {
      this.file = file;
      this.lines = lines;
    }

    /** The stream's one document, or none for a stream that holds none. */
    Optional<Built> document(Preflight events) {
      this.events = events;
      events.next(); // stream start
      if (events.checkEvent(Event.ID.StreamEnd)) {
        return Optional.empty();
      }
      events.next(); // document start
      Built root = node();
      // The document's end, then whatever follows: the preflight refuses a second document.
      while (events.hasNext()) {
        events.next();
      }
      return Optional.of(root);
    }

    private Built node() {
      return node(false);
    }

    /**
     * The next node. Keys are not counted against the node cap, as the values they name are: the
     * cap is of the document's JSON.
     */
    private Built node(boolean key) {
      Event event = events.next();
      Built built =
          switch (event.getEventId()) {
            case Alias -> alias((AliasEvent) event);
            case Scalar -> scalarNode((ScalarEvent) event, key ? 0 : 1);
            case SequenceStart -> sequence(event);
            case MappingStart -> mapping(event);
            default -> throw new IllegalStateException("the parser gave " + event + " for a node");
          };
      if (event instanceof NodeEvent node) {
        node.getAnchor().ifPresent(anchor -> anchors.put(anchor.getValue(), built));
      }
      return built;
    }

    private Built alias(AliasEvent event) {
      String name = event.getAlias().getValue();
      Built anchored = anchors.get(name);
      if (anchored == null) {
        throw new Refused(
            at(
                Code.YAML_SYNTAX,
                event.getStartMark().orElse(null),
                "the alias *" + name + " names no anchor before it",
                "define &" + name + " on a node above this line"));
      }
      count(anchored.size());
      return anchored.at(event.getStartMark().orElse(null));
    }

    private Built scalarNode(ScalarEvent event, int size) {
      count(size);
      Optional<String> explicit = event.getTag().filter(written -> !written.equals("!"));
      Tag tag =
          explicit.isEmpty()
              ? implicitTag(event.getValue(), event.getImplicit().canOmitTagInPlainScalar())
              : checked(new Tag(explicit.get()), event);
      ScalarNode scalar =
          new ScalarNode(
              tag,
              explicit.isEmpty(),
              event.getValue(),
              event.getScalarStyle(),
              event.getStartMark(),
              event.getEndMark());
      return new Built(
          json(scalar),
          Optional.of(scalar),
          Place.scalar(span(event.getStartMark(), event.getEndMark())),
          event.getStartMark().orElse(null),
          size);
    }

    /**
     * A tag written on a scalar, if it is one of the core schema's and the value is of its kind
     * ({@code !!float 1} is); otherwise the scalar is reported, once, where it is written, and read
     * as text. snakeyaml-engine's other tags ({@code !!binary}, Java classes) make no JSON.
     */
    private Tag checked(Tag tag, ScalarEvent event) {
      if (tag.equals(Tag.STR) || (tag.equals(Tag.MERGE) && event.getValue().equals("<<"))) {
        return tag;
      }
      Mark mark = event.getStartMark().orElse(null);
      if (!CORE_TAGS.contains(tag)) {
        problems.add(
            at(
                Code.YAML_SYNTAX,
                mark,
                "the tag " + written(tag) + " is not supported",
                "remove the tag"));
        return Tag.STR;
      }
      Tag implied = implicitTag(event.getValue(), true);
      if (implied.equals(tag) || (tag.equals(Tag.FLOAT) && implied.equals(Tag.INT))) {
        return tag;
      }
      problems.add(
          at(
              Code.YAML_SYNTAX,
              mark,
              "`" + event.getValue() + "` is not a value of the tag " + written(tag),
              "remove the tag, or write a value of its kind"));
      return Tag.STR;
    }

    /** A tag as people write it: {@code !!int} for YAML's own. */
    private static String written(Tag tag) {
      return tag.getValue().startsWith(Tag.PREFIX)
          ? "!!" + tag.getValue().substring(Tag.PREFIX.length())
          : tag.getValue();
    }

    private Built sequence(Event start) {
      count(1);
      ArrayNode array = NODES.arrayNode();
      List<Place> items = new ArrayList<>();
      int size = 1;
      while (!events.checkEvent(Event.ID.SequenceEnd)) {
        Built item = node();
        array.add(item.json());
        items.add(item.place());
        size += item.size();
      }
      Event end = events.next();
      return new Built(
          array,
          Optional.empty(),
          new Place(span(start.getStartMark(), end.getEndMark()), Map.of(), items),
          start.getStartMark().orElse(null),
          size);
    }

    private Built mapping(Event start) {
      count(1);
      ObjectNode object = NODES.objectNode();
      Map<String, Field> fields = new HashMap<>();
      Map<String, Mark> seen = new HashMap<>();
      List<Built> merges = new ArrayList<>(0);
      int size = 1;
      while (!events.checkEvent(Event.ID.MappingEnd)) {
        Built key = node(true);
        Built value = node();
        size += key.size() + value.size();
        Optional<ScalarNode> name = key.scalar();
        if (name.isPresent() && name.get().getTag().equals(Tag.MERGE)) {
          merges.add(value);
        } else if (name.isEmpty()) {
          problems.add(
              at(
                  Code.YAML_SYNTAX,
                  key.start(),
                  "a key must be a plain string",
                  "write the key as a single word"));
        } else if (seen.containsKey(name.get().getValue())) {
          Mark first = seen.get(name.get().getValue());
          problems.add(
              at(
                  Code.YAML_DUPLICATE_KEY,
                  key.start(),
                  "duplicate key `"
                      + name.get().getValue()
                      + "`"
                      + (first == null
                          ? ""
                          : "; it first appears on line " + (first.getLine() + 1)),
                  "remove one of the two"));
        } else {
          seen.put(name.get().getValue(), key.start());
          object.set(name.get().getValue(), value.json());
          fields.put(name.get().getValue(), new Field(key.place().value(), value.place()));
        }
      }
      Event end = events.next();
      // Merge keys (<<) last, as MergeUtils.flatten does: the mapping's own keys win, then the
      // merged mappings' keys in their order.
      for (Built merge : merges) {
        for (Built source : mergedMappings(merge)) {
          ObjectNode from = (ObjectNode) source.json();
          for (Map.Entry<String, JsonNode> field : from.properties()) {
            if (!object.has(field.getKey())) {
              object.set(field.getKey(), field.getValue().deepCopy());
              fields.put(field.getKey(), source.place().fields().get(field.getKey()));
            }
          }
        }
      }
      return new Built(
          object,
          Optional.empty(),
          new Place(span(start.getStartMark(), end.getEndMark()), fields, List.of()),
          start.getStartMark().orElse(null),
          size);
    }

    /** The mappings that a merge key's value names: a mapping, or a list of mappings. */
    private List<Built> mergedMappings(Built merge) {
      if (merge.json().isObject()) {
        return List.of(merge);
      }
      List<Built> mappings = new ArrayList<>();
      if (merge.json().isArray()) {
        for (int i = 0; i < merge.json().size(); i++) {
          if (!merge.json().get(i).isObject()) {
            throw notMergeable(merge);
          }
          mappings.add(
              new Built(
                  merge.json().get(i), Optional.empty(), merge.place().items().get(i), null, 0));
        }
        return mappings;
      }
      throw notMergeable(merge);
    }

    /** Refused where the merge key's value is written: a list, or the alias that names it. */
    private Refused notMergeable(Built merge) {
      return new Refused(
          at(
              Code.YAML_SYNTAX,
              merge.start(),
              "a merge key (<<) takes a mapping, or a list of mappings",
              "write `<<: *name` with an anchor on a mapping, or remove the `<<` key"));
    }

    private void count(int more) {
      nodes += more;
      if (nodes > MAX_NODES) {
        throw new TooManyNodes();
      }
    }

    /**
     * The JSON value of a scalar whose tag {@link #scalarNode} made text or one of the core's. A
     * value the core schema's pattern takes but snakeyaml-engine's constructor cannot read ({@code
     * +.inf}, {@code !!float 0x1F}) is reported where it is written, and read as text.
     */
    private JsonNode json(ScalarNode node) {
      if (node.getTag().equals(Tag.STR) || node.getTag().equals(Tag.MERGE)) {
        return NODES.stringNode(node.getValue());
      }
      ConstructNode constructor = CONSTRUCTORS.get(node.getTag());
      Object value;
      try {
        value = constructor.construct(node);
      } catch (NumberFormatException e) {
        problems.add(
            at(
                Code.YAML_SYNTAX,
                node.getStartMark().orElse(null),
                "`" + node.getValue() + "` cannot be read as " + written(node.getTag()),
                "write the number another way, or quote it to make it text"));
        return NODES.stringNode(node.getValue());
      }
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
      return NODES.stringNode(String.valueOf(value));
    }

    private static SourceSpan span(Optional<Mark> startMark, Optional<Mark> endMark) {
      Mark start = startMark.orElse(null);
      Mark end = endMark.orElse(null);
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
