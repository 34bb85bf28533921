package dev.wslnet.wslconfig;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test: our parser and the oracle read the same files the same way, value for value,
 * warning for warning.
 */
class ParserOracleTest {
  private static final String[] TOKENS = {
    "[wsl2]",
    "[experimental]",
    "[WSL2]",
    "[wsl 2]",
    "[]",
    "[ x]",
    "[wsl2] x",
    "[general]",
    "[network]",
    "networkingMode",
    "networkingmode",
    "memory",
    "swap",
    "kernel",
    "kernelCommandLine",
    "dnsTunneling",
    "hostAddressLoopback",
    "ignoredPorts",
    "macAddress",
    "processors",
    "firewall",
    "autoProxy",
    "pageReporting",
    "dnsTunnelingIpAddress",
    "autoMemoryReclaim",
    "localhostForwarding",
    "=",
    " = ",
    "  ",
    "\t",
    "\n",
    "\r\n",
    "\r",
    "#",
    " # c",
    ";",
    "\"",
    "\\",
    "\\\\",
    "\\\"",
    "\\t",
    "\\n",
    "\\T",
    "\\\n",
    "\\\r\n",
    "mirrored",
    "NAT",
    "true",
    "yes",
    "1",
    "0",
    "8GB",
    "4 GB",
    "0x10",
    "010",
    "3000,9000",
    ",",
    "abc",
    "10.255.255.254",
    "1.2.3",
    "00:15:5d:01:02:03",
    "zz",
    "C:\\\\temp\\\\k",
    "C:\\temp",
    "é",
    "中",
    "\u0000",
    "\u001a",
    "\uffff",
    "x",
    "9"
  };

  private static void assertAgree(List<Path> files) throws IOException, InterruptedException {
    Oracle.require();
    List<Oracle.Reading> expected = Oracle.read(files);
    for (int i = 0; i < files.size(); i++) {
      byte[] bytes = Files.readAllBytes(files.get(i));
      ParsedWslConfig parsed = WslConfigParser.parse(WslConfigText.decode(bytes));
      List<String> warnings =
          parsed.warnings().stream().map(w -> w.line() + " " + w.kind()).toList();
      String describe =
          files.get(i) + ":\n" + new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
      assertThat(parsed.values()).as("values of " + describe).isEqualTo(expected.get(i).values());
      assertThat(warnings).as("warnings of " + describe).isEqualTo(expected.get(i).warnings());
    }
  }

  @Test
  void agreesOnEveryFileOfTheCorpus() throws Exception {
    assertAgree(Oracle.corpus());
  }

  @Test
  void agreesOnRandomFiles(@TempDir Path dir) throws Exception {
    Random random = new Random(20261126);
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(30);
      for (int t = 0; t < length; t++) {
        text.append(TOKENS[random.nextInt(TOKENS.length)]);
      }
      byte[] bytes = text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
      if (i % 10 == 0) {
        bytes = WslConfigText.Encoding.UTF16LE_BOM.encode(text.toString());
      } else if (i % 10 == 1) {
        bytes = WslConfigText.Encoding.UTF8_BOM.encode(text.toString());
      }
      files.add(Files.write(dir.resolve(i + ".wslconfig"), bytes));
    }
    assertAgree(files);
  }
}
