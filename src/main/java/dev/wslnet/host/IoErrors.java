package dev.wslnet.host;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * What went wrong with a file, in words: Java's file exceptions carry the path as their message
 * ("cannot lock X: X"), and the reason only in their type.
 */
public final class IoErrors {
  private IoErrors() {}

  public static String reason(IOException e) {
    String reason =
        e instanceof AccessDeniedException
            ? "permission denied"
            : e instanceof NoSuchFileException
                ? "no such file or folder"
                : e instanceof NotDirectoryException
                    ? "a part of the path is not a folder"
                    : e instanceof FileAlreadyExistsException
                        ? "it already exists"
                        : e instanceof DirectoryNotEmptyException
                            ? "the folder is not empty"
                            : null;
    if (reason == null && e instanceof FileSystemException fs && fs.getReason() != null) {
      reason = fs.getReason();
    }
    if (reason == null) {
      reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
    if (e instanceof FileSystemException fs
        && fs.getFile() != null
        && !reason.contains(fs.getFile())
        && fs.getOtherFile() == null) {
      return reason + " (" + fs.getFile() + ")";
    }
    return reason;
  }
}
