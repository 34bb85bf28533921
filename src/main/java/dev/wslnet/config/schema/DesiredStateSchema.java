package dev.wslnet.config.schema;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code schemas/wslnet.schema.json}, the one source of truth for the structure of a desired-state
 * file, as the jar embeds it. Compiled on first use, once per process.
 */
public final class DesiredStateSchema {
  public static final String RESOURCE = "/schemas/wslnet.schema.json";

  /**
   * The keyword under which a schema object keeps its wording of any failure inside it: a string,
   * which ajv-errors and the YAML language server read as such, so that an editor, ajv and wslnet
   * word a mistake alike. networknt's own {@code errorMessageKeyword} reads only an object keyed by
   * failing keyword (its {@code ErrorMessages.getErrorMessage}), which the YAML language server
   * cannot show, so wslnet looks the string up itself ({@link #messageAt}).
   */
  static final String MESSAGE_KEYWORD = "errorMessage";

  private final JsonNode json;
  private final Schema schema;
  private final Map<String, List<String>> propertyHomes;

  private DesiredStateSchema() {
    json = JsonMapper.builder().build().readTree(text());
    SchemaRegistryConfig config =
        SchemaRegistryConfig.builder()
            .pathType(PathType.JSON_POINTER)
            .locale(Locale.ENGLISH)
            .build();
    schema =
        SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2020_12, builder -> builder.schemaRegistryConfig(config))
            .getSchema(json);
    propertyHomes = new LinkedHashMap<>();
    collectPropertyHomes(json, "");
  }

  private static String load() {
    try (InputStream in = DesiredStateSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        // A jar in a folder whose name ends in "!" is one Java reads classes from but no resources:
        // its URL, jar:file:/a!/lib/wslnet.jar!/..., is cut at the first "!/" (JarURLConnection).
        throw new IllegalStateException(
            "cannot read "
                + RESOURCE
                + " from wslnet's jar: reinstall wslnet, and if a folder on its path ends in '!',"
                + " rename it (Java cannot read resources from a jar below such a folder)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class Holder {
    static final DesiredStateSchema INSTANCE = new DesiredStateSchema();
  }

  /**
   * Read without compiling the schema, for {@code schema} and {@code show}, which validate nothing.
   */
  private static final class Text {
    static final String TEXT = load();
  }

  private static final class Sections {
    static final List<String> ORDER =
        JsonMapper.builder().build().readTree(text()).path("properties").properties().stream()
            .map(Map.Entry::getKey)
            .toList();
  }

  /** The top-level properties in the schema's order, which is the order of a file's sections. */
  public static List<String> sections() {
    return Sections.ORDER;
  }

  public static DesiredStateSchema get() {
    return Holder.INSTANCE;
  }

  /** The schema's text, byte for byte as shipped, read without compiling the schema. */
  public static String text() {
    return Text.TEXT;
  }

  Schema compiled() {
    return schema;
  }

  /**
   * The schema object at a pointer of the schema document ({@code /properties/wslconfig}), or a
   * missing node.
   */
  JsonNode at(String pointer) {
    return json.at(pointer);
  }

  /**
   * The wording of a failure of the keyword at this pointer of the schema document ({@code
   * /$defs/size/oneOf/0/pattern}): the {@value #MESSAGE_KEYWORD} of the schema object that holds
   * the keyword or, for a branch of a {@code oneOf} without one, of the schema that holds the
   * {@code oneOf}.
   */
  Optional<String> messageAt(String keywordPointer) {
    String object = holder(keywordPointer);
    while (true) {
      JsonNode message = json.at(object).path(MESSAGE_KEYWORD);
      if (message.isString()) {
        return Optional.of(message.asString());
      }
      Matcher branch = BRANCH.matcher(object);
      if (!branch.find()) {
        return Optional.empty();
      }
      object = object.substring(0, branch.start());
    }
  }

  /**
   * The values the schema names for the keyword at this pointer where its {@code pattern} accepts
   * more spellings: the {@code enum} of a branch of the {@code oneOf} beside it ({@code
   * networkingMode}), for "did you mean".
   */
  List<String> documentedValues(String keywordPointer) {
    List<String> values = new ArrayList<>();
    for (JsonNode branch : json.at(holder(keywordPointer)).path("oneOf")) {
      branch.path("enum").forEach(value -> values.add(value.asString()));
    }
    return values;
  }

  private static final Pattern BRANCH = Pattern.compile("/oneOf/\\d+$");

  /** The schema object that holds the keyword at this pointer. */
  JsonNode holderOf(String keywordPointer) {
    return json.at(holder(keywordPointer));
  }

  /** The pointer of the schema object that holds the keyword at this pointer. */
  private static String holder(String keywordPointer) {
    return keywordPointer.substring(0, Math.max(0, keywordPointer.lastIndexOf('/')));
  }

  /** Every YAML path under which the schema defines a property with this name. */
  List<String> homesOf(String propertyName) {
    return propertyHomes.getOrDefault(propertyName, List.of());
  }

  private void collectPropertyHomes(JsonNode node, String yamlPath) {
    JsonNode properties = node.path("properties");
    for (Map.Entry<String, JsonNode> property : properties.properties()) {
      propertyHomes.computeIfAbsent(property.getKey(), k -> new ArrayList<>()).add(yamlPath);
      String childPath =
          yamlPath.isEmpty() ? property.getKey() : yamlPath + "." + property.getKey();
      JsonNode child = property.getValue();
      collectPropertyHomes(child, childPath);
      collectPropertyHomes(child.path("items"), childPath + "[]");
    }
  }
}
