package dev.wslnet.cli;

import picocli.CommandLine.Option;

/** --host, shared by the commands that talk to a host. */
final class HostOption {
  @Option(
      names = "--host",
      paramLabel = "HOST",
      description =
          "auto (default), local, wsl, or sim:DIR for a simulated Windows host in DIR. Also"
              + " WSLNET_HOST.")
  String host;
}
