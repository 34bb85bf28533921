package dev.wslnet.cli;

import dev.wslnet.apply.NotElevatedException;
import dev.wslnet.config.Suggestions;
import dev.wslnet.host.HostException;
import dev.wslnet.planfile.PlanFileException;
import dev.wslnet.render.Visible;
import dev.wslnet.render.plan.PlanJson;
import dev.wslnet.resource.PlanningException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the command line for a console; {@code Main} and the tests both run wslnet through here.
 */
public final class Wslnet {
  private Wslnet() {}

  /**
   * Runs a command. A result that could not be written (standard output on a full disk, a closed
   * pipe) is a failure: PrintWriter keeps such errors to itself, so they are asked for here.
   */
  public static int run(Console console, String... args) {
    int exitCode = commandLine(console).execute(args);
    console.out().flush();
    if (console.out().checkError()) {
      console
          .err()
          .println(
              "error: cannot write the output: standard output failed (a full disk, or a closed"
                  + " pipe)");
      console.err().flush();
      return ExitCode.ERROR.code();
    }
    return exitCode;
  }

  static CommandLine commandLine(Console console) {
    CommandLine commandLine = new CommandLine(new WslnetCommand(), new ConsoleFactory(console));
    commandLine.setOut(console.out());
    commandLine.setErr(console.err());
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setExitCodeExceptionMapper(t -> ExitCode.ERROR.code());
    commandLine.setParameterExceptionHandler(Wslnet::usageError);
    commandLine.setExecutionExceptionHandler(
        (exception, cmd, parsed) -> {
          WslnetCommand root =
              cmd.getCommandSpec().root().userObject() instanceof WslnetCommand w ? w : null;
          PrintWriter err = cmd.getErr();
          Optional<ExitCode> userError = userError(exception);
          String message = userError.isPresent() ? exception.getMessage() : describe(exception);
          if (message != null && asJson(cmd)) {
            cmd.getOut().println(errorJson(message, userError.orElse(ExitCode.ERROR)));
            cmd.getOut().flush();
          }
          if (userError.isPresent()) {
            if (exception.getMessage() != null) {
              err.println("error: " + Visible.of(exception.getMessage()));
            }
            if (userError.get() == ExitCode.USAGE) {
              err.println(
                  "Try '"
                      + cmd.getCommandSpec().qualifiedName()
                      + " --help' for more information.");
            }
            err.flush();
            return userError.get().code();
          }
          err.println("error: " + Visible.of(describe(exception)));
          if (root != null && root.debug()) {
            StringWriter trace = new StringWriter();
            exception.printStackTrace(new PrintWriter(trace));
            err.print(trace);
          } else {
            err.println("(run with --debug for details)");
          }
          err.flush();
          return ExitCode.ERROR.code();
        });
    return commandLine;
  }

  /** Whether the command was asked for JSON, which then holds errors too. */
  private static boolean asJson(CommandLine cmd) {
    return cmd.getCommandSpec().optionsMap().containsKey("--json")
        && cmd.getParseResult() != null
        && cmd.getParseResult().hasMatchedOption("--json");
  }

  /**
   * The one JSON document of a command that failed: {@code {"format_version", "error": {"message",
   * "exit_code"}}}, so that a script reading --json output always gets a document.
   */
  private static String errorJson(String message, ExitCode exitCode) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("format_version", PlanJson.FORMAT_VERSION);
    ObjectNode error = root.putObject("error");
    error.put("message", message);
    error.put("exit_code", exitCode.code());
    return PlanJson.write(root);
  }

  private static int usageError(ParameterException exception, String[] args) {
    CommandLine cmd = exception.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println("error: " + exception.getMessage());
    if (!UnmatchedArgumentException.printSuggestions(exception, err)
        && exception instanceof UnmatchedArgumentException unmatched) {
      unmatched.getUnmatched().stream()
          .filter(argument -> argument.startsWith("-"))
          .findFirst()
          .flatMap(
              argument -> Suggestions.nearest(argument, cmd.getCommandSpec().optionsMap().keySet()))
          .ifPresent(option -> err.println("Did you mean: " + option + "?"));
    }
    err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
    err.flush();
    return ExitCode.USAGE.code();
  }

  /**
   * Errors of the user or the machine, which say what to do; anything else is a bug of wslnet's.
   */
  private static Optional<ExitCode> userError(Exception exception) {
    if (exception instanceof ExitException exit) {
      return Optional.of(exit.exitCode());
    }
    boolean expected =
        exception instanceof HostException
            || exception instanceof PlanningException
            || exception instanceof PlanFileException
            || exception instanceof NotElevatedException;
    return expected ? Optional.of(ExitCode.ERROR) : Optional.empty();
  }

  private static String describe(Exception exception) {
    String message = exception.getMessage();
    return message == null || message.isBlank() ? exception.getClass().getSimpleName() : message;
  }

  /** Hands every command the console it writes to. */
  private record ConsoleFactory(Console console) implements IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
      if (type == ValidateCommand.class) {
        return type.cast(new ValidateCommand(console));
      }
      if (type == SchemaCommand.class) {
        return type.cast(new SchemaCommand(console));
      }
      if (type == PlanCommand.class) {
        return type.cast(new PlanCommand(console));
      }
      if (type == ApplyCommand.class) {
        return type.cast(new ApplyCommand(console));
      }
      if (type == ShowCommand.class) {
        return type.cast(new ShowCommand(console));
      }
      return CommandLine.defaultFactory().create(type);
    }
  }
}
