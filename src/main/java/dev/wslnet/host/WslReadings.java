package dev.wslnet.host;

import java.util.Optional;

/**
 * What is known of the running WSL VM: its address ($wsl), the Windows host's address as seen from
 * it, and the networking mode it runs in now.
 */
public record WslReadings(
    Optional<String> vmAddress, Optional<String> hostAddress, Optional<String> networkingMode) {}
