package io.slacker.impl.tracing;

import io.slacker.ClientCall;
import io.slacker.ServerCall;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.spi.tracing.TagExtractor;

/**
 * The attributes of Slacker's spans, named after OpenTelemetry's RPC semantic conventions
 * ({@code rpc.system}, {@code rpc.service}, {@code rpc.method}, {@code server.address}, ...).
 * Vert.x's tracing SPI carries every value as a string.
 */
final class SpanTags {

  static final String SYSTEM = "slacker";
  static final String STATUS_CODE = "rpc.slacker.status_code";

  private SpanTags() {
  }

  /** @return the span name the conventions give an RPC: {@code service/method} */
  static String operation(String service, String method) {
    return service + "/" + method;
  }

  /** A client span: the call and the server it goes to. */
  static final TagExtractor<ClientCall> CLIENT_CALL = new Tags<>(
      "rpc.system", "rpc.service", "rpc.method", "server.address", "server.port") {
    @Override
    public String value(ClientCall call, int index) {
      return switch (index) {
        case 0 -> SYSTEM;
        case 1 -> call.service();
        case 2 -> call.method();
        case 3 -> host(call.server());
        case 4 -> Integer.toString(call.server().port());
        default -> throw new IndexOutOfBoundsException("no tag " + index);
      };
    }
  };

  /** A server span: the call and the client it comes from. */
  static final TagExtractor<ServerCall> SERVER_CALL = new Tags<>(
      "rpc.system", "rpc.service", "rpc.method", "client.address", "client.port") {
    @Override
    public String value(ServerCall call, int index) {
      return switch (index) {
        case 0 -> SYSTEM;
        case 1 -> call.descriptor().serviceName();
        case 2 -> call.descriptor().methodName();
        case 3 -> host(call.remoteAddress());
        case 4 -> Integer.toString(call.remoteAddress().port());
        default -> throw new IndexOutOfBoundsException("no tag " + index);
      };
    }
  };

  /** The parent span of a call to a group of servers. */
  static final TagExtractor<GroupSpan.Request> GROUP_CALL = new Tags<>(
      "rpc.system", "rpc.service", "rpc.method", "rpc.slacker.grouping") {
    @Override
    public String value(GroupSpan.Request group, int index) {
      return switch (index) {
        case 0 -> SYSTEM;
        case 1 -> group.service();
        case 2 -> group.method();
        case 3 -> group.grouping();
        default -> throw new IndexOutOfBoundsException("no tag " + index);
      };
    }
  };

  /** How a call ended: its status code, and on failure the {@code error.type} the conventions ask for. */
  static final TagExtractor<SpanOutcome> OUTCOME = new Tags<>(STATUS_CODE, "error.type") {
    @Override
    public int len(SpanOutcome outcome) {
      return outcome.failed() ? 2 : 1;
    }

    @Override
    public String value(SpanOutcome outcome, int index) {
      // Both tags name the code: the status code, and on failure the error type.
      return outcome.codeName();
    }
  };

  private static String host(SocketAddress address) {
    return address.host() != null ? address.host() : address.hostAddress();
  }

  /** Tags by position, as the SPI reads them. */
  private abstract static class Tags<T> implements TagExtractor<T> {

    private final String[] names;

    Tags(String... names) {
      this.names = names;
    }

    @Override
    public int len(T subject) {
      return names.length;
    }

    @Override
    public String name(T subject, int index) {
      return names[index];
    }
  }
}
