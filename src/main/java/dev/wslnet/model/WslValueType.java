package dev.wslnet.model;

/** How WSL's parser reads a .wslconfig value (reference: wslconfig-parser.md, C10). */
public enum WslValueType {
  /** 1, 0, true or false, any case. */
  BOOLEAN,
  /** C strtol in base 0, 32 bits. */
  INTEGER,
  /** Digits and an optional case-sensitive unit: B K M G T KB MB GB TB. */
  SIZE,
  /** An absolute Windows path; backslashes are escaped in the file. */
  WINDOWS_PATH,
  TEXT,
  /** A dotted-quad IPv4 address. */
  IPV4,
  /** Comma-separated ports 1-65535. */
  PORT_LIST,
  MAC_ADDRESS,
  NETWORKING_MODE,
  MEMORY_RECLAIM
}
