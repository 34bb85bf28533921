package dev.wslnet.wslconfig;

/**
 * A warning WSL's parser gives, with WSL's own line number (a continued value counts from its last
 * line). Kinds are those of the oracle: invalid-key, invalid-section, expected ']', expected ' ' or
 * '\n', expected '=', expected ", invalid-escape, duplicate, unknown-key, invalid-bool,
 * invalid-int, invalid-memory, invalid-enum, invalid-ip, invalid-mac.
 */
public record WslConfigWarning(int line, String kind) {}
