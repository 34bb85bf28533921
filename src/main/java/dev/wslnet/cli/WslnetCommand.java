package dev.wslnet.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The top-level command; it only holds the options every subcommand shares. */
@Command(
    name = "wslnet",
    // Inherited, so that -h/--help and -V/--version work after every subcommand too, as `wslnet
    // plan --help` does in every peer; the suggestion printed after a usage error names it.
    scope = ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    versionProvider = WslnetCommand.Version.class,
    description = "Keeps a Windows host's WSL networking in the state a YAML file describes.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:error, or an invalid file",
      "2:changes present (plan --detailed-exitcode)",
      "64:usage error"
    })
public final class WslnetCommand {

  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "Show stack traces of internal errors.")
  Boolean debug;

  @Option(names = "--no-color", scope = ScopeType.INHERIT, description = "Never colour the output.")
  Boolean noColor;

  boolean debug() {
    return Boolean.TRUE.equals(debug);
  }

  boolean noColor() {
    return Boolean.TRUE.equals(noColor);
  }

  /** The version in the jar's manifest, or "dev" when running from classes. */
  public static String version() {
    String version = WslnetCommand.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }

  static final class Version implements IVersionProvider {
    static String text() {
      return "wslnet " + version();
    }

    @Override
    public String[] getVersion() {
      return new String[] {text()};
    }
  }
}
