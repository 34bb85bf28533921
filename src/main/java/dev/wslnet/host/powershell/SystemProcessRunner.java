package dev.wslnet.host.powershell;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Starts real processes. Output is drained on its own threads, so that a chatty process never
 * blocks.
 */
public final class SystemProcessRunner implements ProcessRunner {

  @Override
  public ProcessResult run(List<String> command, byte[] stdin, Duration timeout)
      throws IOException {
    return run(command, Map.of(), stdin, timeout);
  }

  /** The same, with these variables added to the process's environment. */
  public ProcessResult run(
      List<String> command, Map<String, String> environment, byte[] stdin, Duration timeout)
      throws IOException {
    try (Running running = start(command, environment)) {
      return running.finish(stdin, timeout);
    }
  }

  @Override
  public Started start(List<String> command) throws IOException {
    return start(command, Map.of());
  }

  private static Running start(List<String> command, Map<String, String> environment)
      throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(environment);
    return new Running(command.get(0), builder.start());
  }

  /** A process that waits for its input, its output drained from the start. */
  private static final class Running implements Started {
    private final String program;
    private final Process process;
    private final CompletableFuture<byte[]> stdout;
    private final CompletableFuture<byte[]> stderr;

    Running(String program, Process process) {
      this.program = program;
      this.process = process;
      this.stdout = drain(process.getInputStream());
      this.stderr = drain(process.getErrorStream());
    }

    @Override
    public ProcessResult finish(byte[] stdin, Duration timeout) throws IOException {
      try (OutputStream in = process.getOutputStream()) {
        in.write(stdin);
      } catch (IOException e) {
        // A process may exit without reading its input; its exit code and output still say what
        // happened.
      }
      try {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          close();
          throw new ProcessTimeoutException(
              program + " did not finish within " + timeout.toSeconds() + " s");
        }
        return new ProcessResult(process.exitValue(), stdout.join(), stderr.join());
      } catch (InterruptedException e) {
        close();
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for " + program, e);
      }
    }

    /**
     * Kills the process if it still runs, and the processes it started, which would be orphaned:
     * the process first, so that it cannot go on when a child of its own ends.
     */
    @Override
    public void close() {
      if (process.isAlive()) {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
      }
    }
  }

  /**
   * Reads a stream to its end on a daemon thread of its own: not the common pool's, whose few
   * threads would wait as long as the process runs (PowerShell starts before its request is known).
   */
  private static CompletableFuture<byte[]> drain(InputStream stream) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (stream;
              ByteArrayOutputStream buffer = new ByteArrayOutputStream()) {
            stream.transferTo(buffer);
            return buffer.toByteArray();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        },
        task -> {
          Thread thread = new Thread(task, "wslnet-process-output");
          thread.setDaemon(true);
          thread.start();
        });
  }
}
