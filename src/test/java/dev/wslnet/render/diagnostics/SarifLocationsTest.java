package dev.wslnet.render.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wslnet.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What GitHub's code scanning needs of a SARIF location. */
class SarifLocationsTest {
  @TempDir Path temp;

  private JsonNode sarif(String... args) {
    CliRun run = CliRun.run(args);
    return JsonMapper.builder().build().readTree(run.out());
  }

  @Test
  void pathsUnderTheRootAreRelativeAndPercentEncoded() throws Exception {
    Path file = Files.createDirectories(temp.resolve("my dir#1/café")).resolve("wslnet.yaml");
    Files.writeString(file, "version: 2\n");
    JsonNode run =
        sarif("validate", "--format", "sarif", "--sarif-root", temp.toString(), file.toString())
            .path("runs")
            .path(0);
    JsonNode artifact = run.at("/results/0/locations/0/physicalLocation/artifactLocation");
    assertThat(artifact.path("uri").asString()).isEqualTo("my%20dir%231/caf%C3%A9/wslnet.yaml");
    assertThat(artifact.path("uriBaseId").asString()).isEqualTo("%SRCROOT%");
    assertThat(run.at("/originalUriBaseIds/%SRCROOT%/uri").asString())
        .isEqualTo(temp.toUri().toASCIIString());
    assertThat(run.path("columnKind").asString()).isEqualTo("unicodeCodePoints");
    assertThat(run.at("/results/0/partialFingerprints/wslnetLocation~1v1").asString()).hasSize(16);
  }

  @Test
  void aFileLevelResultHasLineOneAndAFileOutsideTheRootAnAbsoluteUri() throws Exception {
    Path missing = temp.resolve("elsewhere/none.yaml");
    Path root = Files.createDirectory(temp.resolve("repo"));
    JsonNode location =
        sarif("validate", "--format", "sarif", "--sarif-root", root.toString(), missing.toString())
            .at("/runs/0/results/0/locations/0/physicalLocation");
    assertThat(location.at("/region/startLine").asInt()).isEqualTo(1);
    assertThat(location.at("/artifactLocation/uri").asString())
        .isEqualTo(missing.toUri().toASCIIString());
    assertThat(location.at("/artifactLocation/uriBaseId").isMissingNode()).isTrue();
  }

  /** The fingerprint names the rule, file and YAML path, so an edit above does not move it. */
  @Test
  void fingerprintsSurviveEditsOfOtherLines() throws Exception {
    Path file = temp.resolve("wslnet.yaml");
    Files.writeString(file, "version: 1\nportProxy: {rules: [{listenPort: 70000}]}\n");
    String before =
        sarif("validate", "--format", "sarif", "--sarif-root", temp.toString(), file.toString())
            .at("/runs/0/results/0/partialFingerprints")
            .toString();
    Files.writeString(
        file, "# a comment\n\nversion: 1\nportProxy: {rules: [{listenPort: 70000}]}\n");
    String after =
        sarif("validate", "--format", "sarif", "--sarif-root", temp.toString(), file.toString())
            .at("/runs/0/results/0/partialFingerprints")
            .toString();
    assertThat(after).isEqualTo(before);
  }

  @Test
  void aBackslashInALinuxFileNameStaysInTheName() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(java.io.File.separatorChar == '/');
    Path file = temp.resolve("back\\slash.yaml");
    Files.writeString(file, "version: 2\n");
    JsonNode artifact =
        sarif("validate", "--format", "sarif", "--sarif-root", temp.toString(), file.toString())
            .at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation");
    assertThat(artifact.path("uri").asString()).isEqualTo("back%5Cslash.yaml");
  }

  /** One file, one name: through a link to the root, the same relative URI and fingerprint. */
  @Test
  void aLinkedRootGivesTheSameUriAndFingerprint() throws Exception {
    Path repo = Files.createDirectory(temp.resolve("repo"));
    Path link = Files.createSymbolicLink(temp.resolve("link"), repo);
    Path file = repo.resolve("wslnet.yaml");
    Files.writeString(file, "version: 2\n");
    JsonNode direct =
        sarif("validate", "--format", "sarif", "--sarif-root", repo.toString(), file.toString())
            .at("/runs/0/results/0");
    JsonNode linked =
        sarif(
                "validate",
                "--format",
                "sarif",
                "--sarif-root",
                link.toString(),
                link.resolve("wslnet.yaml").toString())
            .at("/runs/0/results/0");
    assertThat(linked.at("/locations/0/physicalLocation/artifactLocation/uri").asString())
        .isEqualTo("wslnet.yaml");
    assertThat(linked.path("partialFingerprints")).isEqualTo(direct.path("partialFingerprints"));
    Files.delete(link);
  }

  @Test
  void aSarifRootThatIsNoFolderIsAUsageError() throws Exception {
    Path file = temp.resolve("wslnet.yaml");
    Files.writeString(file, "version: 1\n");
    CliRun run =
        CliRun.run(
            "validate", "--format", "sarif", "--sarif-root", file.toString(), file.toString());
    assertThat(run.exitCode()).isEqualTo(64);
    assertThat(run.err()).contains("is not a folder that exists");
  }
}
