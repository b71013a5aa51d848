package io.slacker.cli;

import io.vertx.core.net.SocketAddress;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a server's {@code host:port}, as ZooKeeper lists it. */
final class ServerAddressConverter implements ITypeConverter<SocketAddress> {

  @Override
  public SocketAddress convert(String value) {
    SocketAddress address = parse(value);
    if (address == null) {
      throw new TypeConversionException("'" + value + "' is not a server address: use host:port, e.g. 127.0.0.1:2104");
    }
    return address;
  }

  /** @return the address, or {@code null} when {@code value} is not {@code host:port} */
  static SocketAddress parse(String value) {
    int colon = value.lastIndexOf(':');
    if (colon <= 0 || colon == value.length() - 1) {
      return null;
    }
    String host = value.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    try {
      int port = Integer.parseInt(value.substring(colon + 1));
      return port > 0 && port < 65536 ? SocketAddress.inetSocketAddress(port, host) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** @return {@code host:port} */
  static String format(SocketAddress address) {
    return address.host() + ":" + address.port();
  }
}
