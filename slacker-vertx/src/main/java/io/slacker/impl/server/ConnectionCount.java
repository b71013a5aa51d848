package io.slacker.impl.server;

import io.slacker.StatusCode;
import io.slacker.admin.ClientDescription;
import io.slacker.impl.protocol.FrameEncoder;
import io.vertx.core.net.NetSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The connections a server holds across its listeners, which run on several event loops, and
 * the limit on them: one over the limit is told why and closed before anything of it is read.
 */
final class ConnectionCount {

  private static final Logger LOG = LoggerFactory.getLogger(ConnectionCount.class);

  private final AtomicInteger open = new AtomicInteger();
  private final Set<ServerConnection> live = ConcurrentHashMap.newKeySet();
  private final int max;

  /** @param max the most connections held at once; 0 for no limit */
  ConnectionCount(int max) {
    this.max = max;
  }

  /** @return whether {@code socket} may be served; if not, it is answered and closed */
  boolean tryOpen(NetSocket socket) {
    int now = open.incrementAndGet();
    if (max == 0 || now <= max) {
      return true;
    }
    open.decrementAndGet();
    LOG.debug("refused a connection from " + socket.remoteAddress() + ": " + max + " already open");
    socket.end(FrameEncoder.error(0, StatusCode.OVERLOADED, "this server holds its maximum of " + max
        + " connections; connect to another server or later", null));
    return false;
  }

  /** A connection that {@link #tryOpen} let in has started. */
  void opened(ServerConnection connection) {
    live.add(connection);
  }

  /** A connection that {@link #tryOpen} let in has closed. */
  void closed(ServerConnection connection) {
    live.remove(connection);
    open.decrementAndGet();
  }

  /** @return the clients connected now, oldest first */
  List<ClientDescription> describe() {
    return live.stream().map(ServerConnection::describe)
        .sorted(Comparator.comparingLong(ClientDescription::getConnectedSince)).toList();
  }
}
