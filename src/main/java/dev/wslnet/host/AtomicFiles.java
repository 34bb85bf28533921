package dev.wslnet.host;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;

/**
 * Writes that are never seen half done: a temporary file beside the file, flushed, then renamed
 * over it. The file stays the one the user has: a symbolic link (as dotfile managers keep
 * .wslconfig) is written through to the file it points at, and that file keeps its permissions
 * (POSIX) or its access control list and owner (Windows). What cannot be written that way is
 * refused before anything is written: a read-only file, a directory, a device or pipe, a folder
 * that does not exist (never created).
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /**
   * Replaces the content of {@code target} with {@code content}; when {@code backup} is given and
   * the file exists, the previous content is kept there first.
   *
   * @throws IOException with a sentence that says why, when the file cannot or must not be written
   */
  public static void replace(Path target, byte[] content, Path backup) throws IOException {
    Path file = writable(target);
    Path directory = file.getParent();
    if (backup != null && Files.exists(file)) {
      Files.copy(
          file, backup, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
    }
    Path temporary = Files.createTempFile(directory, "." + file.getFileName() + ".", ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        channel.write(java.nio.ByteBuffer.wrap(content));
        channel.force(true);
      }
      if (Files.exists(file)) {
        keepSecurity(file, temporary);
      }
      try {
        Files.move(
            temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** The file to write for {@code target}: a link's target; refused when it must not be written. */
  private static Path writable(Path target) throws IOException {
    Path path = target.toAbsolutePath();
    if (Files.isSymbolicLink(path)) {
      if (!Files.exists(path)) {
        throw new IOException(
            target
                + " is a symbolic link to "
                + Files.readSymbolicLink(path)
                + ", which is missing");
      }
      path = path.toRealPath();
    }
    Path directory = path.getParent();
    if (directory == null || !Files.isDirectory(directory)) {
      throw new IOException("the folder " + directory + " does not exist");
    }
    if (!Files.exists(path)) {
      return path;
    }
    if (!Files.isRegularFile(path)) {
      throw new IOException(
          target + " is not a regular file (a directory, a device or a pipe); it is left as it is");
    }
    if (readOnly(path)) {
      throw new IOException(target + " is read-only; wslnet does not make it writable");
    }
    return path;
  }

  /**
   * Whether the owner may not write the file: its POSIX mode, or the Windows read-only attribute.
   * Not {@link Files#isWritable}, which is true for root whatever the mode.
   */
  private static boolean readOnly(Path file) throws IOException {
    PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
    if (posix != null) {
      return !posix.readAttributes().permissions().contains(PosixFilePermission.OWNER_WRITE);
    }
    Object dosReadOnly = Files.getAttribute(file, "dos:readonly");
    return Boolean.TRUE.equals(dosReadOnly);
  }

  /** Gives the new content the old file's permissions, or its ACL and owner. */
  private static void keepSecurity(Path from, Path to) throws IOException {
    PosixFileAttributeView posix = Files.getFileAttributeView(from, PosixFileAttributeView.class);
    if (posix != null) {
      var attributes = posix.readAttributes();
      PosixFileAttributeView target = Files.getFileAttributeView(to, PosixFileAttributeView.class);
      target.setPermissions(attributes.permissions());
      try {
        target.setOwner(attributes.owner());
        target.setGroup(attributes.group());
      } catch (IOException e) {
        // Only root may give a file away; anyone else writes a file they own or may write.
      }
      return;
    }
    AclFileAttributeView acl = Files.getFileAttributeView(from, AclFileAttributeView.class);
    if (acl != null) {
      AclFileAttributeView target = Files.getFileAttributeView(to, AclFileAttributeView.class);
      target.setAcl(acl.getAcl());
      try {
        target.setOwner(acl.getOwner());
      } catch (IOException e) {
        // Setting another owner needs a privilege the user may lack; the ACL is what guards it.
      }
    }
  }
}
