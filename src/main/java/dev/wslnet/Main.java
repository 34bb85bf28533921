package dev.wslnet;

import dev.wslnet.cli.Console;
import dev.wslnet.cli.Wslnet;

public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(Wslnet.run(Console.system(), args));
  }
}
