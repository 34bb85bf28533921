package dev.wslnet.sim;

import dev.wslnet.host.AtomicFiles;
import dev.wslnet.host.IoErrors;
import dev.wslnet.host.powershell.PowerShell;
import dev.wslnet.host.powershell.ProcessResult;
import dev.wslnet.host.powershell.ProcessRunner;
import dev.wslnet.host.powershell.ProcessTimeoutException;
import dev.wslnet.host.powershell.SystemProcessRunner;
import dev.wslnet.host.windows.WindowsCommandLine;
import dev.wslnet.host.windows.WindowsValues;
import dev.wslnet.model.FirewallRule;
import dev.wslnet.model.HostFacts;
import dev.wslnet.portproxy.PortProxyValues;
import dev.wslnet.scheduledtask.ObservedTask;
import dev.wslnet.wslconfig.WslConfigParser;
import dev.wslnet.wslconfig.WslConfigText;
import dev.wslnet.wslconfig.WslValues;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Plays Windows behind the process-runner seam: it receives exactly what wslnet would send
 * powershell.exe (the command line, the script, the request) and answers as wslnet.ps1 would on the
 * machine kept in {@code DIR}. So {@code --host sim:DIR} runs the whole PowerShell host path, up to
 * the script text itself.
 */
public final class SimProcessRunner implements ProcessRunner {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** The account the simulated Windows user has. */
  static final String SIM_USER = "SIM\\user";

  /**
   * Set in the environment of a process that the simulated Task Scheduler starts: it runs with the
   * user's highest privileges, as \\wslnet\\converge does, whatever host.json says of the user.
   */
  public static final String ELEVATED_TASK = "WSLNET_SIM_ELEVATED";

  /** How long a task may run: the ExecutionTimeLimit that Register-ConvergeTask sets. */
  private static final Duration TASK_TIME_LIMIT = Duration.ofMinutes(10);

  private final Path directory;
  private final String hostName;
  private final boolean elevatedTask;
  private final List<Invocation> invocations = Collections.synchronizedList(new ArrayList<>());

  /**
   * One PowerShell process as the sim saw it: the command line and the script and request it was
   * given.
   */
  public record Invocation(List<String> command, PowerShell.Input input) {}

  public SimProcessRunner(Path directory, String hostName) {
    this(directory, hostName, false);
  }

  /**
   * @param elevatedTask this process is the scheduled task's run, elevated (see {@link
   *     #ELEVATED_TASK})
   */
  public SimProcessRunner(Path directory, String hostName, boolean elevatedTask) {
    this.directory = directory;
    this.hostName = hostName;
    this.elevatedTask = elevatedTask;
  }

  /** Every PowerShell process started so far. */
  public List<Invocation> invocations() {
    return List.copyOf(invocations);
  }

  @Override
  public ProcessResult run(List<String> command, byte[] stdin, Duration timeout)
      throws IOException {
    return respond(command, stdin, Optional.empty());
  }

  /**
   * Starts as PowerShell starts, before its input. Meanwhile the sim reads host.json on a thread of
   * its own, what takes its time (a tenth of a second for 10,000 rules), and only reads: the answer
   * uses what was read only if host.json still holds exactly those bytes when the input arrives, so
   * that it is the machine on disk then, as on Windows.
   */
  @Override
  public Started start(List<String> command) {
    FutureTask<Read> reading = new FutureTask<>(this::readAhead);
    Thread thread = new Thread(reading, "wslnet-sim-read");
    thread.setDaemon(true);
    thread.start();
    return new Started() {
      @Override
      public ProcessResult finish(byte[] stdin, Duration timeout) throws IOException {
        return respond(command, stdin, Optional.of(reading));
      }

      @Override
      public void close() {
        reading.cancel(true);
      }
    };
  }

  /** host.json's bytes and the machine they hold. */
  private record Read(byte[] bytes, SimMachine machine) {}

  /** host.json as it is now, or null where it is missing or not a machine. */
  private Read readAhead() throws IOException {
    if (!Files.exists(hostJson())) {
      return null;
    }
    byte[] bytes = Files.readAllBytes(hostJson());
    try {
      return new Read(bytes, SimMachineJson.read(hostName, utf8(bytes)));
    } catch (RuntimeException e) {
      return null;
    }
  }

  private ProcessResult respond(List<String> command, byte[] stdin, Optional<Future<Read>> ahead)
      throws IOException {
    PowerShell.Input input = PowerShell.decodeStdin(stdin);
    invocations.add(new Invocation(List.copyOf(command), input));
    if (!command.equals(PowerShell.command(command.get(0)))) {
      return failed("The command line is not wslnet's bootstrap.");
    }
    SimMachine machine;
    try {
      machine = load(ahead);
    } catch (IOException e) {
      return failed(
          "the simulated host " + directory + " cannot be read or written: " + IoErrors.reason(e));
    } catch (RuntimeException e) {
      return failed("the simulated host " + hostJson() + " is not valid: " + e.getMessage());
    }
    String mode = input.request().path("mode").asString("");
    Optional<SimMachine.Fault> broken =
        machine.faults().stream().filter(f -> f.matches("powershell", mode)).findFirst();
    if (broken.isPresent()) {
      return failed(broken.get().message());
    }
    if (!input.script().equals(PowerShell.script())) {
      return failed("The script is not wslnet's.");
    }
    // The simulation's own files failing is no failure to start PowerShell: said as what it is.
    try {
      return switch (input.request().path("mode").asString("")) {
        case "observe" ->
            answer(observe(elevatedTask ? withElevation(machine, true) : machine, input.request()));
        case "apply" -> answer(apply(machine, input.request()));
        default -> failed("unknown mode " + input.request().path("mode"));
      };
    } catch (IOException e) {
      return failed(
          "the simulated host " + directory + " cannot be read or written: " + IoErrors.reason(e));
    }
  }

  private static ProcessResult answer(JsonNode result) {
    return new ProcessResult(0, PowerShell.resultOutput(result), new byte[0]);
  }

  private static ProcessResult failed(String message) {
    return new ProcessResult(1, new byte[0], message.getBytes(StandardCharsets.UTF_8));
  }

  private Path hostJson() {
    return directory.resolve("host.json");
  }

  private Path wslconfig() {
    return directory.resolve(".wslconfig");
  }

  SimMachine load() throws IOException {
    return load(Optional.empty());
  }

  /** The machine in host.json now: what was read ahead, if the file still holds those bytes. */
  private SimMachine load(Optional<Future<Read>> ahead) throws IOException {
    if (!Files.exists(hostJson())) {
      Files.createDirectories(directory);
      save(SimMachineJson.fresh(hostName));
    }
    byte[] bytes = Files.readAllBytes(hostJson());
    Read read = ahead.map(SimProcessRunner::result).orElse(null);
    if (read != null && Arrays.equals(read.bytes(), bytes)) {
      return read.machine();
    }
    return SimMachineJson.read(hostName, utf8(bytes));
  }

  /** What was read ahead; null when that failed, and reading again says why. */
  private static Read result(Future<Read> ahead) {
    try {
      return ahead.get();
    } catch (ExecutionException | CancellationException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** UTF-8 as strictly as Files.readString reads it: a malformed byte is an error. */
  private static String utf8(byte[] bytes) throws CharacterCodingException {
    return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
  }

  private void save(SimMachine machine) throws IOException {
    AtomicFiles.replace(
        hostJson(), SimMachineJson.write(machine).getBytes(StandardCharsets.UTF_8), null);
  }

  /** The observation wslnet.ps1 prints on this machine. */
  private JsonNode observe(SimMachine machine, JsonNode request) throws IOException {
    HostFacts facts = machine.facts();
    ObjectNode document = NODES.objectNode();
    document.put("osBuild", facts.windowsBuild());
    document.put("elevated", facts.elevated());
    document.put("userProfile", "C:\\Users\\sim");
    if (Files.isRegularFile(wslconfig())) {
      document.put(
          "wslconfig", Base64.getEncoder().encodeToString(Files.readAllBytes(wslconfig())));
    } else {
      document.putNull("wslconfig");
    }
    String version =
        "WSL version: "
            + facts.wslVersion()
            + "\r\nKernel version: 5.15.153.1-2\r\n"
            + "Windows version: 10.0."
            + facts.windowsBuild()
            + ".4317\r\n";
    document.put(
        "wslVersionOutput",
        Base64.getEncoder().encodeToString(version.getBytes(StandardCharsets.UTF_16LE)));
    if (request.path("wslQueries").asBoolean(false)) {
      document.put(
          "wslHostnameOutput", raw(facts.wslAddress().map(address -> address + " \n").orElse("")));
      document.put(
          "wslNetworkingModeOutput",
          raw(facts.runningNetworkingMode().map(mode -> mode + "\n").orElse("")));
    }
    facts
        .hostAddress()
        .ifPresentOrElse(
            address -> document.put("hostAddress", address), () -> document.putNull("hostAddress"));
    document.put("ipHelperRunning", facts.ipHelperRunning());
    document.put("hyperVAvailable", facts.hyperVFirewallAvailable());
    new PortProxyValues(machine.portProxy(), machine.unreadablePortProxy())
        .write(document.putArray("portProxy"));
    if (facts.hyperVFirewallAvailable()) {
      if (machine.hyperVSettings().isEmpty()) {
        // No setting exists for WSL's VM creator: Get-NetFirewallHyperVVMSetting fails, and the
        // script reports null.
        document.putNull("hyperVSettings");
      } else {
        ObjectNode settings = document.putObject("hyperVSettings");
        machine
            .hyperVSettings()
            .forEach((name, value) -> settings.put(name, WindowsValues.settingText(value)));
      }
      // The script asks Get-NetFirewallHyperVRule -VMCreatorId for WSL's creator's rules only.
      windowsRules(
          document.putArray("hyperVRules"),
          machine.hyperVRules().stream().filter(SimWindows::isWsls).toList());
    } else {
      document.putNull("hyperVSettings");
      document.putArray("hyperVRules");
    }
    convergeTask(document, machine.convergeTask());
    ArrayNode windows = document.putArray("windowsRules");
    if (request.path("group").isString()) {
      String group = request.path("group").asString();
      windowsRules(
          windows,
          machine.windowsRules().stream().filter(rule -> SimWindows.inGroup(rule, group)).toList());
    }
    return document;
  }

  /** The task as Get-ConvergeTask reports what Register-ConvergeTask made. */
  private static void convergeTask(ObjectNode document, Optional<SimTask> convergeTask) {
    if (convergeTask.isEmpty()) {
      document.putNull("scheduledTask");
      return;
    }
    SimTask task = convergeTask.get();
    ObjectNode node = document.putObject("scheduledTask");
    node.put("execute", task.execute());
    node.put("arguments", task.arguments());
    node.put("runLevel", "Highest");
    ArrayNode triggers = node.putArray("triggers");
    trigger(triggers, "logon", "", "");
    trigger(triggers, "event", "", SimWindows.VM_START_SUBSCRIPTION);
    trigger(triggers, "time", "PT" + task.everyMinutes() + "M", "");
    task.lastRunTime()
        .ifPresentOrElse(time -> node.put("lastRunTime", time), () -> node.putNull("lastRunTime"));
    node.put("lastTaskResult", task.lastTaskResult());
    node.put("state", task.lastTaskResult() == ObservedTask.RUNNING ? "Running" : "Ready");
  }

  private static void trigger(
      ArrayNode triggers, String type, String repetition, String subscription) {
    ObjectNode trigger = triggers.addObject();
    trigger.put("type", type);
    trigger.put("enabled", true);
    trigger.put("repetition", repetition);
    trigger.put("subscription", subscription);
  }

  private static String raw(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Rules as the script prints them, WSL's VM creator aside (the script asks by it). */
  private static void windowsRules(ArrayNode array, List<FirewallRule> rules) {
    for (FirewallRule rule : rules) {
      ObjectNode node = array.addObject();
      node.put("name", rule.name());
      WindowsValues.writeRuleFields(node, rule.fields());
      node.remove(SimWindows.VM_CREATOR);
    }
  }

  /**
   * What wslnet.ps1 does with operations on this machine. An elevated request runs, and observes,
   * as the administrator who approved the UAC prompt; the machine itself stays as elevated as it
   * was.
   */
  private JsonNode apply(SimMachine machine, JsonNode request) throws IOException {
    boolean elevate = request.has("elevate");
    JsonNode operationsRequest = request;
    if (elevate) {
      JsonNode elevation = request.get("elevate");
      if (!new String(
              Base64.getDecoder().decode(elevation.path("script").asString()),
              StandardCharsets.UTF_8)
          .equals(PowerShell.script())) {
        throw new IOException("the elevated script is not wslnet's");
      }
      operationsRequest =
          JsonMapper.builder()
              .build()
              .readTree(
                  new String(
                      Base64.getDecoder().decode(elevation.path("request").asString()),
                      StandardCharsets.UTF_8));
    }
    // Windows compares accounts by SID, so the user's own name in any case is the user.
    if (elevate
        && machine
            .uacAccount()
            .filter(account -> !account.equalsIgnoreCase(SIM_USER))
            .isPresent()) {
      // The elevated process runs as another account: the script refuses, in its own words.
      ObjectNode refused = NODES.objectNode();
      refused.put(
          "refused",
          "UAC was approved with the account "
              + machine.uacAccount().get()
              + ", not with "
              + SIM_USER
              + ", whose Windows wslnet manages; nothing was changed. Run wslnet from a terminal"
              + " that "
              + SIM_USER
              + " started as administrator, or make that account an administrator");
      return refused;
    }
    // The task's process is elevated, as UAC's is; the machine's user stays as elevated as it was.
    SimMachine running = elevate || elevatedTask ? withElevation(machine, true) : machine;
    SimWindows.Outcome outcome =
        SimWindows.run(running, operationsRequest.path("operations"), networkingModeInFile());
    SimMachine after = outcome.machine();
    String startTime = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    if (outcome.taskStarted()) {
      after =
          after.withConvergeTask(
              after.convergeTask().map(t -> t.ran(startTime, ObservedTask.RUNNING)));
    }
    save(withElevation(after, machine.facts().elevated()));
    ObjectNode result = NODES.objectNode();
    result.set(
        "observation",
        observe(elevatedTask ? withElevation(after, true) : after, operationsRequest));
    ArrayNode results = result.putArray("results");
    for (Optional<String> error : outcome.errors()) {
      ObjectNode node = results.addObject();
      node.put("ok", error.isEmpty());
      error.ifPresent(message -> node.put("error", message));
    }
    if (outcome.taskStarted()) {
      runTask(after.convergeTask().orElseThrow(), startTime);
    }
    return result;
  }

  /**
   * Runs the task's action as Task Scheduler would: its program with its arguments split from the
   * command line as the program's C runtime splits them, elevated, without a console, and records
   * its exit code. Windows runs it after Start-ScheduledTask has returned; the simulation runs it
   * before the script's answer, so that the process that started it is still there to record the
   * result. wslnet never waits for a task's result: it reads it in a later observation.
   */
  private void runTask(SimTask task, String startTime) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(task.execute());
    command.addAll(WindowsCommandLine.split(task.arguments()));
    long exitCode;
    try {
      exitCode =
          new SystemProcessRunner()
              .run(command, Map.of(ELEVATED_TASK, "true"), new byte[0], TASK_TIME_LIMIT)
              .exitCode();
    } catch (ProcessTimeoutException e) {
      // Stopped at its ExecutionTimeLimit: SCHED_S_TASK_TERMINATED (Task Scheduler error and
      // success constants).
      exitCode = 0x41306L;
    } catch (IOException e) {
      // The program is missing: Task Scheduler records ERROR_FILE_NOT_FOUND as an HRESULT.
      exitCode = 0x80070002L;
    }
    long result = exitCode;
    SimMachine now = load();
    save(now.withConvergeTask(now.convergeTask().map(t -> t.ran(startTime, result))));
  }

  private static SimMachine withElevation(SimMachine machine, boolean elevated) {
    return machine.withFacts(machine.facts().withElevated(elevated));
  }

  /** The mode WSL would start in: the file's networkingMode if WSL accepts it, else nat. */
  private String networkingModeInFile() throws IOException {
    byte[] bytes = Files.isRegularFile(wslconfig()) ? Files.readAllBytes(wslconfig()) : new byte[0];
    return WslValues.networkingModeAtStart(WslConfigParser.parse(WslConfigText.decode(bytes)));
  }
}
