package dev.wslnet.cli;

import dev.wslnet.apply.NotElevatedException;
import dev.wslnet.config.DesiredStateValidator;
import dev.wslnet.config.Suggestions;
import dev.wslnet.config.schema.DesiredStateSchema;
import dev.wslnet.host.HostException;
import dev.wslnet.planfile.PlanFileException;
import dev.wslnet.render.Visible;
import dev.wslnet.render.plan.PlanJson;
import dev.wslnet.resource.PlanningException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;
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
    Optional<Integer> answered;
    try {
      answered = answeredAtOnce(console, args);
    } catch (RuntimeException | ExceptionInInitializerError e) {
      // Answered without picocli, so without --debug: as picocli's handler below reports the rest.
      return internalError(console.err(), e, false);
    }
    if (answered.isEmpty()
        && subcommandNamed(args).filter(VALIDATING::contains).isPresent()
        && Arrays.stream(args).noneMatch(HELP_AND_VERSION::contains)) {
      DesiredStateValidator.compileAhead();
    }
    int exitCode = answered.orElseGet(() -> commandLine(console, args).execute(args));
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

  /**
   * {@code --version} and {@code schema} alone, answered before picocli reads a single annotation:
   * they run in every CI job and in loops, and building the command line costs more than they do.
   * They print what the full command line prints for them.
   */
  private static Optional<Integer> answeredAtOnce(Console console, String... args) {
    List<String> given = List.of(args);
    if (given.equals(List.of("--version")) || given.equals(List.of("-V"))) {
      console.out().println(WslnetCommand.Version.text());
      return Optional.of(ExitCode.OK.code());
    }
    if (given.equals(List.of("schema"))) {
      console.out().print(DesiredStateSchema.text());
      return Optional.of(ExitCode.OK.code());
    }
    return Optional.empty();
  }

  /**
   * The subcommands, in the order help lists them. picocli reads a command's annotations when it is
   * added, so only the one that the arguments name is added when they name one: {@code validate}
   * does not pay for reading every other command's options.
   */
  private static final Map<String, Class<?>> SUBCOMMANDS = new LinkedHashMap<>();

  static {
    SUBCOMMANDS.put("validate", ValidateCommand.class);
    SUBCOMMANDS.put("plan", PlanCommand.class);
    SUBCOMMANDS.put("apply", ApplyCommand.class);
    SUBCOMMANDS.put("watch", WatchCommand.class);
    SUBCOMMANDS.put("schedule", ScheduleCommand.class);
    SUBCOMMANDS.put("show", ShowCommand.class);
    SUBCOMMANDS.put("schema", SchemaCommand.class);
  }

  /** The subcommands that validate a desired-state file before anything else. */
  private static final Set<String> VALIDATING = Set.of("validate", "plan", "apply", "watch");

  /** The options after which a command reads no file: its help and the version need no schema. */
  private static final Set<String> HELP_AND_VERSION = Set.of("-h", "--help", "-V", "--version");

  /**
   * The top-level options take no values, so the first argument that is no option names the
   * subcommand.
   */
  private static Optional<String> subcommandNamed(String... args) {
    return Arrays.stream(args).filter(arg -> !arg.startsWith("-")).findFirst();
  }

  static CommandLine commandLine(Console console, String... args) {
    ConsoleFactory factory = new ConsoleFactory(console);
    CommandLine commandLine = new CommandLine(new WslnetCommand(), factory);
    // With no subcommand named, or one that is none, all are there for help and suggestions.
    Optional<String> named = subcommandNamed(args);
    if (named.isPresent() && SUBCOMMANDS.containsKey(named.get())) {
      commandLine.addSubcommand(named.get(), create(factory, SUBCOMMANDS.get(named.get())));
    } else {
      SUBCOMMANDS.forEach((name, type) -> commandLine.addSubcommand(name, create(factory, type)));
    }
    commandLine.getSubcommands().values().forEach(Wslnet::withoutPlansExitCode);
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
          return internalError(err, exception, root != null && root.debug());
        });
    return commandLine;
  }

  /** A bug of wslnet's: what went wrong in one line, and its stack trace only with --debug. */
  private static int internalError(PrintWriter err, Throwable exception, boolean debug) {
    err.println("error: " + Visible.of(describe(exception)));
    if (debug) {
      StringWriter trace = new StringWriter();
      exception.printStackTrace(new PrintWriter(trace));
      err.print(trace);
    } else {
      err.println("(run with --debug for details)");
    }
    err.flush();
    return ExitCode.ERROR.code();
  }

  /**
   * Exit code 2 is plan's alone (--detailed-exitcode): the help of every other command, which
   * inherits the top-level command's list of exit codes, leaves it out.
   */
  private static void withoutPlansExitCode(CommandLine command) {
    if (!command.getCommandName().equals("plan")) {
      Map<String, String> codes =
          new LinkedHashMap<>(command.getCommandSpec().usageMessage().exitCodeList());
      codes.remove(String.valueOf(ExitCode.CHANGES.code()));
      command.getCommandSpec().usageMessage().exitCodeList(codes);
    }
    command.getSubcommands().values().forEach(Wslnet::withoutPlansExitCode);
  }

  private static Object create(IFactory factory, Class<?> type) {
    try {
      return factory.create(type);
    } catch (Exception e) {
      throw new IllegalStateException("cannot create the command " + type.getSimpleName(), e);
    }
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
    ObjectNode root = PlanJson.document("error");
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

  private static String describe(Throwable exception) {
    // The schema compiled on another thread, and a class's failed initialization, wrap what went
    // wrong; their own messages name only the wrapped exception's class.
    Throwable cause = exception;
    while ((cause instanceof CompletionException || cause instanceof ExceptionInInitializerError)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    String message = cause.getMessage();
    return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
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
      if (type == ScheduleInstallCommand.class) {
        return type.cast(new ScheduleInstallCommand(console));
      }
      if (type == ScheduleStatusCommand.class) {
        return type.cast(new ScheduleStatusCommand(console));
      }
      if (type == ScheduleRunCommand.class) {
        return type.cast(new ScheduleRunCommand(console));
      }
      if (type == ScheduleRemoveCommand.class) {
        return type.cast(new ScheduleRemoveCommand(console));
      }
      if (type == WatchCommand.class) {
        return type.cast(new WatchCommand(console));
      }
      if (type == ShowCommand.class) {
        return type.cast(new ShowCommand(console));
      }
      return CommandLine.defaultFactory().create(type);
    }
  }
}
