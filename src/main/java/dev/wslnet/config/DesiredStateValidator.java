package dev.wslnet.config;

import dev.wslnet.config.rules.SemanticRules;
import dev.wslnet.config.schema.DesiredStateSchema;
import dev.wslnet.config.schema.SchemaCheck;
import dev.wslnet.config.yaml.LoadedYaml;
import dev.wslnet.config.yaml.YamlLoader;
import dev.wslnet.diagnostic.Code;
import dev.wslnet.diagnostic.Diagnostic;
import dev.wslnet.diagnostic.SourceSpan;
import dev.wslnet.model.DesiredState;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import tools.jackson.databind.JsonNode;

/**
 * Validates desired-state files offline: YAML 1.2, then the schema, then the rules a schema cannot
 * express. Reports every problem of a file, not just the first.
 */
public final class DesiredStateValidator {
  private static final Comparator<Diagnostic> BY_POSITION =
      Comparator.comparingInt((Diagnostic d) -> d.span().map(SourceSpan::line).orElse(-1))
          .thenComparingInt(d -> d.span().map(SourceSpan::column).orElse(-1));

  /**
   * The schema, compiled once per process on another core while the main one does something else
   * (reads the command line, or the first file's YAML): in a fresh JVM each takes tens to hundreds
   * of milliseconds, and neither needs the other.
   */
  private static final class Compiled {
    static final CompletableFuture<SchemaCheck> SCHEMA_CHECK =
        CompletableFuture.supplyAsync(() -> new SchemaCheck(DesiredStateSchema.get()));
  }

  /**
   * Starts compiling the schema now, for a command that is about to validate a file; the first
   * validation starts it otherwise. Measured on a small file through the launcher: 20% faster when
   * started before the command line is built.
   */
  public static void compileAhead() {
    Compiled.SCHEMA_CHECK.isDone();
  }

  private static SchemaCheck schemaCheck() {
    try {
      return Compiled.SCHEMA_CHECK.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  /**
   * Reads and validates one file, named in diagnostics as the user wrote it; a file that cannot be
   * read gets a diagnostic, never an exception.
   */
  public FileReport validate(String file) {
    return read(file).report();
  }

  /**
   * Reads, validates and, when the file has no error, binds one file. A file that cannot be read
   * gets a diagnostic, never an exception.
   */
  public DesiredStateFile read(String file) {
    return check(load(file));
  }

  /**
   * Validates and, when there is no error, binds a file's bytes; {@code file} is the name used in
   * diagnostics.
   */
  public DesiredStateFile read(String file, byte[] bytes) {
    return check(YamlLoader.load(file, bytes));
  }

  /** Validates a file's bytes; {@code file} is the name used in diagnostics. */
  public FileReport validate(String file, byte[] bytes) {
    return read(file, bytes).report();
  }

  /**
   * The file read as YAML, not yet checked against the schema and the rules. A file that cannot be
   * read has no root, and a problem that says why.
   */
  private static LoadedYaml load(String file) {
    Path path;
    try {
      path = Path.of(file);
    } catch (InvalidPathException e) {
      return unread(file, "is not a valid path: " + e.getReason(), "check the path");
    }
    // One stat, where isDirectory, exists, isRegularFile and size made four: a thousand files
    // spent a tenth of their time in system calls.
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(path, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      return unread(file, "no such file", "check the path");
    } catch (AccessDeniedException e) {
      return cannotBeRead(file, e);
    } catch (FileSystemException e) {
      // A file where the path needs a folder, a loop of links, a name too long: nothing there.
      return unread(
          file,
          e.getReason() == null ? "no such file" : "no such file (" + e.getReason() + ")",
          "check the path");
    } catch (IOException | SecurityException e) {
      return cannotBeRead(file, e);
    }
    try {
      if (attributes.isDirectory()) {
        return unread(
            file,
            "is a directory, not a file",
            "name the YAML file, e.g. " + path.resolve("wslnet.yaml"));
      }
      if (!attributes.isRegularFile()) {
        return unread(file, "is not a regular file", "name a YAML file on disk");
      }
      long size = attributes.size();
      if (size > YamlLoader.MAX_BYTES) {
        return LoadedYaml.unread(
            Diagnostic.ofFile(
                Code.FILE_TOO_LARGE,
                file,
                "the file has " + size + " bytes; wslnet reads at most " + YamlLoader.MAX_BYTES,
                "split the file, or check that this is the file you meant"));
      }
      return YamlLoader.load(file, Files.readAllBytes(path));
    } catch (NoSuchFileException e) {
      return unread(file, "no such file", "check the path");
    } catch (IOException | SecurityException e) {
      return cannotBeRead(file, e);
    }
  }

  /** The schema and the rules over a loaded file, and when there is no error, the file bound. */
  private static DesiredStateFile check(LoadedYaml document) {
    String file = document.file();
    List<Diagnostic> diagnostics = new ArrayList<>(document.problems());
    if (document.root().isEmpty()) {
      return new DesiredStateFile(
          new FileReport(file, diagnostics), Optional.empty(), Optional.empty());
    }
    JsonNode root = document.root().get();
    diagnostics.addAll(schemaCheck().check(document, root));
    diagnostics.addAll(SemanticRules.check(document, root));
    diagnostics.sort(BY_POSITION);
    FileReport report = new FileReport(file, diagnostics);
    return report.hasErrors()
        ? new DesiredStateFile(report, Optional.empty(), Optional.empty())
        : new DesiredStateFile(report, Optional.of(new DesiredState(root)), Optional.of(root));
  }

  private static LoadedYaml cannotBeRead(String file, Exception e) {
    return unread(file, "cannot be read: " + e.getMessage(), "check the file's permissions");
  }

  private static LoadedYaml unread(String file, String message, String hint) {
    return LoadedYaml.unread(Diagnostic.ofFile(Code.FILE_UNREADABLE, file, message, hint));
  }
}
