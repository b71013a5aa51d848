package io.slacker.web;

import io.slacker.SlackerClient;
import io.slacker.spi.ServiceDiscovery;
import io.slacker.web.impl.SlackerGatewayImpl;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;

/**
 * Slacker services over HTTP and JSON: a Vert.x Web {@link Router} to mount under a prefix of
 * your own, e.g. {@code mainRouter.route("/rpc/*").subRouter(gateway.router())}. Handlers of
 * your own for that prefix (authentication, CORS, logging) go on the main router before it.
 *
 * <ul>
 *   <li>{@code POST /<service>/<method>} with {@code Content-Type: application/json} and a body
 *       that is either a JSON array of the arguments, in order, or a JSON object of them by
 *       parameter name (the names come from the server's description of the method). The answer
 *       is {@code 200} with the result as JSON ({@code null} for {@code Future<Void>} and for a
 *       one-way method, once it ran); dates are ISO-8601 text and binary values base64 text, as
 *       Slacker's JSON serialization writes them, and numbers keep every digit.
 *   <li>{@code GET /} lists the services, their methods, parameter names and types and result
 *       types, from the servers' descriptions.
 *   <li>Headers of a call: {@value #TIMEOUT_HEADER} ({@code 2s}, {@code 500ms}, {@code 1m} or
 *       plain milliseconds) is the call's deadline; each {@value #METADATA_HEADER_PREFIX}{@code <key>}
 *       header becomes call metadata under {@code <key>} in lower case (HTTP header names are
 *       case-insensitive); {@code Authorization: Bearer <token>} becomes the call's own bearer
 *       token, which a server that authenticates checks instead of the gateway client's identity.
 *   <li>A failure is answered with the HTTP status of its Slacker code and a JSON body
 *       {@code {"code": "<StatusCode name>", "message": ..., "remoteClass": ...}}, plus
 *       {@code relayedCode}, {@code failureCode} and {@code details} when the failure has them.
 * </ul>
 *
 * <p>Calls go out in Slacker's JSON serialization, whatever the client's default. Create a
 * gateway in the verticle that runs the HTTP server, one per verticle instance as you would a
 * {@code Router}: its handlers then run on that verticle's event loop, and never block it. The
 * gateway refuses calls to Slacker's built-in administration service ({@code slacker.Server}).
 */
public interface SlackerGateway {

  /** The call's timeout: {@code 2s}, {@code 500ms}, {@code 1m}, or plain milliseconds. */
  String TIMEOUT_HEADER = "X-Slacker-Timeout";

  /** Every header whose name starts with this passes its value as call metadata under the rest of its name. */
  String METADATA_HEADER_PREFIX = "X-Slacker-Meta-";

  /** A gateway whose calls go to {@link SlackerGatewayOptions#getServer()}, else where {@code client}'s discovery says. */
  static SlackerGateway create(Vertx vertx, SlackerClient client, SlackerGatewayOptions options) {
    return new SlackerGatewayImpl(vertx, client, null, new SlackerGatewayOptions(options));
  }

  /**
   * A gateway that lists the services registered in {@code discovery} for {@code GET /};
   * {@code client} should be created with the same discovery, which routes the calls.
   */
  static SlackerGateway create(Vertx vertx, SlackerClient client, ServiceDiscovery discovery,
                               SlackerGatewayOptions options) {
    return new SlackerGatewayImpl(vertx, client, discovery, new SlackerGatewayOptions(options));
  }

  /** @return the gateway's routes, to mount as a sub-router; the same router on every call */
  Router router();
}
