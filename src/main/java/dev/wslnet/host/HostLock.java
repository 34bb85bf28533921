package dev.wslnet.host;

/** The apply lock of a host, held until closed. */
public interface HostLock extends AutoCloseable {
  @Override
  void close();
}
