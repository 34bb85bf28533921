package dev.wslnet.wslconfig;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A .wslconfig file's bytes decoded the way WSL's C runtime delivers them ({@code _wfopen(...,
 * "rt,ccs=UTF-8")} then {@code fgetwc}): a UTF-16LE byte-order mark selects UTF-16LE, anything else
 * is UTF-8 with or without a BOM. {@code text} keeps the file's line endings; the parser treats CR
 * LF as one LF, as text mode does, so that offsets in {@code text} are offsets the editor can
 * splice.
 */
public record WslConfigText(Encoding encoding, String text) {

  /** How the file was stored, so that an edit writes it back the same way. */
  public enum Encoding {
    UTF8,
    UTF8_BOM,
    UTF16LE_BOM;

    public byte[] encode(String text) {
      return switch (this) {
        case UTF8 -> text.getBytes(StandardCharsets.UTF_8);
        case UTF8_BOM ->
            concat(
                new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                text.getBytes(StandardCharsets.UTF_8));
        case UTF16LE_BOM ->
            concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE));
      };
    }

    private static byte[] concat(byte[] bom, byte[] body) {
      return ByteBuffer.allocate(bom.length + body.length).put(bom).put(body).array();
    }
  }

  public static WslConfigText decode(byte[] data) {
    if (data.length >= 2 && (data[0] & 0xFF) == 0xFF && (data[1] & 0xFF) == 0xFE) {
      char[] units = new char[(data.length - 2) / 2];
      for (int i = 0; i < units.length; i++) {
        units[i] = (char) ((data[2 + 2 * i] & 0xFF) | (data[3 + 2 * i] & 0xFF) << 8);
      }
      return new WslConfigText(Encoding.UTF16LE_BOM, new String(units));
    }
    boolean bom =
        data.length >= 3
            && (data[0] & 0xFF) == 0xEF
            && (data[1] & 0xFF) == 0xBB
            && (data[2] & 0xFF) == 0xBF;
    int start = bom ? 3 : 0;
    return new WslConfigText(
        bom ? Encoding.UTF8_BOM : Encoding.UTF8,
        new String(data, start, data.length - start, StandardCharsets.UTF_8));
  }

  public byte[] encode() {
    return encoding.encode(text);
  }

  /**
   * The file as text for an edit, only when writing the text back gives every byte of the file
   * again: a file that is neither UTF-8 nor UTF-16LE (Latin-1, UTF-16BE, an odd length, a lone
   * surrogate) would come back with bytes wslnet does not manage changed.
   *
   * @throws WslConfigEditException naming the first byte that would change, and its offset
   */
  public static WslConfigText decodeForEditing(byte[] data) {
    WslConfigText file = decode(data);
    byte[] again = file.encode();
    int offset = 0;
    while (offset < data.length && offset < again.length && data[offset] == again[offset]) {
      offset++;
    }
    if (offset == data.length && offset == again.length) {
      return file;
    }
    String what =
        offset < data.length
            ? String.format("the byte 0x%02X at offset %d", data[offset] & 0xFF, offset)
            : "the end of the file at offset " + offset;
    throw new WslConfigEditException(
        ".wslconfig is not plain "
            + (file.encoding() == Encoding.UTF16LE_BOM ? "UTF-16LE" : "UTF-8")
            + ": "
            + what
            + " would not be written back as it is, so wslnet changes nothing in it. Save it as"
            + " UTF-8 (or UTF-16LE with a byte-order mark) and apply again");
  }

  /** The line break the file uses most: CR LF if any line ends with it, else LF. */
  public String lineBreak() {
    return text.contains("\r\n") ? "\r\n" : "\n";
  }
}
