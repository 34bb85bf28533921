package dev.wslnet.planfile;

import dev.wslnet.config.DesiredStateFile;
import dev.wslnet.config.DesiredStateValidator;
import dev.wslnet.config.yaml.YamlLoader;
import dev.wslnet.host.AtomicFiles;
import dev.wslnet.plan.Plan;
import dev.wslnet.render.Visible;
import dev.wslnet.render.plan.PlanJson;
import dev.wslnet.resource.Address;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A plan saved by {@code plan --out}, written and read here only: the plan's JSON, the wslnet
 * version that made it (only that version applies it, as with Terraform's saved plans), the desired
 * state it was made from, and the fingerprints of what it observed.
 */
public final class PlanFile {
  private PlanFile() {}

  /**
   * Saves the plan to {@code out} atomically: a failed write leaves whatever was there.
   *
   * @param fingerprints of what the plan was made from (Planner.fingerprints), which applying the
   *     saved plan compares with the host then
   * @param source the desired-state file, which the plan never overwrites
   */
  public static void write(
      Path out,
      Plan plan,
      Map<Address, String> fingerprints,
      String wslnetVersion,
      String source,
      JsonNode desired) {
    ObjectNode root = PlanJson.plan(plan);
    root.put("wslnet_version", wslnetVersion);
    root.put("source", source);
    root.set("desired", desired);
    ObjectNode saved = root.putObject("fingerprints");
    fingerprints.entrySet().stream()
        .sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing(Address::text)))
        .forEach(entry -> saved.put(entry.getKey().text(), entry.getValue()));
    try {
      if (Files.exists(out) && Files.isSameFile(out, Path.of(source))) {
        throw new PlanFileException(
            "--out "
                + out
                + " is the desired-state file itself; the plan is saved to another file, say"
                + " wslnet.plan.json");
      }
      AtomicFiles.replace(
          out, (PlanJson.write(root) + "\n").getBytes(StandardCharsets.UTF_8), null);
    } catch (IOException e) {
      throw new PlanFileException("cannot write the plan to " + out + ": " + e.getMessage());
    }
  }

  /**
   * The bytes of the file given as PLANFILE, read once (a pipe such as {@code <(cat plan.json)}
   * cannot be read twice) and never past the cap: {@code /dev/zero} or a huge file is refused after
   * 16 MiB, not read into memory whole.
   */
  public static byte[] readOnce(Path path) {
    try (InputStream in = Files.newInputStream(path)) {
      byte[] bytes = in.readNBytes(YamlLoader.MAX_BYTES + 1);
      if (bytes.length > YamlLoader.MAX_BYTES) {
        throw new PlanFileException(
            path
                + " is larger than "
                + YamlLoader.MAX_BYTES
                + " bytes; wslnet reads no plan or"
                + " desired-state file that large");
      }
      return bytes;
    } catch (IOException e) {
      throw new PlanFileException("cannot read " + path + ": " + e.getMessage());
    }
  }

  /**
   * The plan in these bytes, or empty when they are not a plan (a desired-state file, then): a plan
   * is a JSON object with format_version and desired, whatever the order of its keys.
   */
  public static Optional<SavedPlan> readIfPlan(Path path, byte[] bytes, String wslnetVersion) {
    String text = new String(bytes, StandardCharsets.UTF_8).strip();
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1).strip();
    }
    if (!text.startsWith("{")) {
      return Optional.empty();
    }
    JsonNode root;
    try {
      root = JsonMapper.builder().build().readTree(text);
    } catch (JacksonException e) {
      return Optional.empty();
    }
    if (!root.isObject() || !root.has("format_version") || !root.has("desired")) {
      return Optional.empty();
    }
    return Optional.of(read(path, root, wslnetVersion));
  }

  private static SavedPlan read(Path path, JsonNode root, String wslnetVersion) {
    String version = root.path("format_version").asString("");
    String supportedMajor = PlanJson.FORMAT_VERSION.split("\\.")[0];
    if (!version.split("\\.")[0].equals(supportedMajor) || !root.path("desired").isObject()) {
      throw new PlanFileException(
          path
              + " is not a plan this wslnet reads (format_version "
              + (version.isEmpty() ? "missing" : version)
              + "; this wslnet reads "
              + supportedMajor
              + ".x)");
    }
    String madeBy = root.path("wslnet_version").asString("");
    if (!madeBy.equals(wslnetVersion)) {
      throw new PlanFileException(
          "the plan "
              + path
              + " was made by wslnet "
              + (madeBy.isEmpty() ? "of an unknown version" : printable(madeBy))
              + ", and this is wslnet "
              + wslnetVersion
              + "; a saved plan is applied by the version that made it: plan again with this one");
    }
    String source = root.path("source").asString(path.toString());
    byte[] document = root.get("desired").toString().getBytes(StandardCharsets.UTF_8);
    DesiredStateFile desired =
        new DesiredStateValidator().read(source + " (as saved in " + path + ")", document);
    if (desired.state().isEmpty()) {
      throw new PlanFileException("the desired state saved in " + path + " is no longer valid");
    }
    Map<String, String> fingerprints = new TreeMap<>();
    for (Map.Entry<String, JsonNode> fingerprint : root.path("fingerprints").properties()) {
      if (!fingerprint.getValue().isString()) {
        throw new PlanFileException(
            path
                + " is not a plan wslnet wrote: the fingerprint of "
                + printable(fingerprint.getKey())
                + " is not text");
      }
      fingerprints.put(fingerprint.getKey(), fingerprint.getValue().asString());
    }
    return new SavedPlan(
        path,
        source,
        desired,
        fingerprints,
        root.path("host").path("name").asString(""),
        root.path("changes"));
  }

  /** A value from the file as a message may show it: escaped, and cut to a length one reads. */
  public static String printable(String value) {
    return Visible.of(value, 64);
  }
}
