package dev.wslnet.log;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A log file that lines are appended to, one write each, and that is rotated before it grows past
 * its limit: the full file becomes {@code FILE.1} (replacing the one before), and a new file
 * starts. So the log never takes more than twice the limit, and the newest lines are always in
 * {@code FILE}.
 */
public final class RotatingLog {
  /** 1 MiB, the size a log file is rotated at. */
  public static final long LIMIT = 1024 * 1024;

  private final Path file;
  private final long limit;

  public RotatingLog(Path file) {
    this(file, LIMIT);
  }

  RotatingLog(Path file, long limit) {
    this.file = file;
    this.limit = limit;
  }

  public Path file() {
    return file;
  }

  /**
   * Appends one line (a line break is added), creating the file and its folder if needed.
   *
   * @throws IOException when the line could not be written; the log is then as it was, or holds the
   *     line in part (a full disk)
   */
  public synchronized void append(String line) throws IOException {
    // A link is followed: the file it names is the log, and is rotated beside itself.
    Path file = Files.isSymbolicLink(this.file) ? this.file.toRealPath() : this.file;
    if (Files.isDirectory(file)) {
      throw new IOException(file + " is a folder, not a log file");
    }
    byte[] bytes = (line + System.lineSeparator()).getBytes(StandardCharsets.UTF_8);
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    if (Files.isRegularFile(file) && Files.size(file) + bytes.length > limit) {
      Files.move(
          file,
          file.resolveSibling(file.getFileName() + ".1"),
          StandardCopyOption.REPLACE_EXISTING);
    }
    Files.write(file, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }
}
