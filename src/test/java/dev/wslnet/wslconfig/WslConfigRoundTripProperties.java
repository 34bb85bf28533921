package dev.wslnet.wslconfig;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wslnet.model.WslEdit;
import dev.wslnet.model.WslKey;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever value is written, WSL's rules read back exactly that value, whatever file it is written
 * into.
 */
class WslConfigRoundTripProperties {

  @Property(tries = 1000)
  void writtenValuesReadBackUnchanged(
      @ForAll("values") String value,
      @ForAll("files") String file,
      @ForAll("textKeys") WslKey key) {
    WslConfigText text = WslConfigText.decode(file.getBytes(StandardCharsets.UTF_8));
    byte[] edited = WslConfigEditor.apply(text, List.of(new WslEdit.Set(key, value)));
    ParsedWslConfig reread = WslConfigParser.parse(WslConfigText.decode(edited));
    assertThat(reread.value(key.qualifiedName().toLowerCase(java.util.Locale.ROOT)))
        .contains(value);
  }

  @Provide
  Arbitrary<String> values() {
    return Arbitraries.strings().withChars("abcXYZ019 :;.,=[]\\\"#'\t\n\b$%-_/").ofMaxLength(24);
  }

  @Provide
  Arbitrary<WslKey> textKeys() {
    return Arbitraries.of(
        WslKey.KERNEL, WslKey.KERNEL_COMMAND_LINE, WslKey.SWAP_FILE, WslKey.VM_SWITCH);
  }

  @Provide
  Arbitrary<String> files() {
    return Arbitraries.of(
        "",
        "[wsl2]\n",
        "[wsl2]\r\nmemory=4GB\r\n",
        "# c\n[experimental]\nsparseVhd=true\n",
        "[wsl2]\nkernel=C:\\\\k # old\nkernelCommandLine = a \\\n b\n",
        "[WSL2]\nswapFile=\"x\"\nvmSwitch=e",
        "[wsl2]\nkernel=first\nkernel=second\n[user]\ndefault=me\n");
  }
}
