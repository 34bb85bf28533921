package dev.wslnet.model;

import java.util.Objects;

/**
 * Where a desired forward connects: a fixed address or name, or the WSL VM's address, looked up
 * when planning.
 */
public sealed interface ConnectAddress permits ConnectAddress.Fixed, ConnectAddress.WslVm {
  String WSL = "$wsl";

  static ConnectAddress of(String text) {
    return text.equals(WSL) ? new WslVm() : new Fixed(text);
  }

  /** As the desired-state file writes it. */
  String text();

  /** Whether this is the WSL VM's address, looked up when planning, which follows the VM. */
  default boolean followsWslVm() {
    return false;
  }

  record Fixed(String address) implements ConnectAddress {
    public Fixed {
      Objects.requireNonNull(address, "address");
    }

    @Override
    public String text() {
      return address;
    }
  }

  record WslVm() implements ConnectAddress {
    @Override
    public String text() {
      return WSL;
    }

    @Override
    public boolean followsWslVm() {
      return true;
    }
  }
}
