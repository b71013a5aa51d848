package io.slacker.web.impl;

import io.slacker.SlackerException;
import io.slacker.StatusCode;
import io.slacker.admin.MethodDescription;
import io.slacker.admin.ParameterDescription;
import io.slacker.admin.ServiceDescription;
import io.slacker.admin.SlackerAdmin;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code GET /}: the services behind the gateway, each with its methods' names, parameter names
 * and types, and result types, as the servers describe them. With a fixed server, the services
 * that server runs; with a discovery, every service registered there, each described by one of
 * its servers (a service that cannot be described is listed with the error).
 */
final class ServiceListing implements Handler<RoutingContext> {

  private final ServiceDescriptions descriptions;
  private final SocketAddress fixedServer;
  private final Supplier<Future<List<String>>> serviceNames;
  private final ErrorResponses errors;

  /** @param serviceNames the services registered in discovery, {@code null} when the gateway has no discovery to ask */
  ServiceListing(ServiceDescriptions descriptions, SocketAddress fixedServer, Supplier<Future<List<String>>> serviceNames,
                 ErrorResponses errors) {
    this.descriptions = descriptions;
    this.fixedServer = fixedServer;
    this.serviceNames = serviceNames;
    this.errors = errors;
  }

  @Override
  public void handle(RoutingContext ctx) {
    Future<JsonArray> services;
    if (fixedServer != null) {
      services = descriptions.describe(fixedServer).map(server -> {
        JsonArray list = new JsonArray();
        server.getServices().stream()
            .filter(service -> !SlackerAdmin.SERVICE.equals(service.getName()))
            .sorted(Comparator.comparing(ServiceDescription::getName))
            .forEach(service -> list.add(listed(service)));
        return list;
      });
    } else if (serviceNames != null) {
      services = serviceNames.get().compose(this::describeEach);
    } else {
      errors.send(ctx, 501, StatusCode.NOT_FOUND,
          "this gateway cannot list services: give it a fixed server or a discovery that lists its services");
      return;
    }
    services.onComplete(result -> {
      if (result.succeeded()) {
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
            .end(new JsonObject().put("services", result.result()).toBuffer());
      } else {
        errors.send(ctx, SlackerException.from(result.cause()));
      }
    });
  }

  private Future<JsonArray> describeEach(List<String> names) {
    List<Future<JsonObject>> each = names.stream()
        .filter(name -> !SlackerAdmin.SERVICE.equals(name))
        .sorted()
        .map(name -> descriptions.service(name).map(ServiceListing::listed).otherwise(failure -> {
          SlackerException error = SlackerException.from(failure);
          return new JsonObject().put("name", name)
              .put("error", new JsonObject().put("code", error.code().name()).put("message", error.getMessage()));
        }))
        .toList();
    return Future.all(each).map(all -> {
      JsonArray list = new JsonArray();
      each.forEach(service -> list.add(service.result()));
      return list;
    });
  }

  private static JsonObject listed(ServiceDescription service) {
    JsonArray methods = new JsonArray();
    for (MethodDescription method : service.getMethods()) {
      JsonArray parameters = new JsonArray();
      for (ParameterDescription parameter : method.getParameters()) {
        parameters.add(new JsonObject().put("name", parameter.getName()).put("type", parameter.getType()));
      }
      JsonObject listed = new JsonObject().put("name", method.getName()).put("parameters", parameters)
          .put("result", method.getResult());
      if (method.getDoc() != null) {
        listed.put("doc", method.getDoc());
      }
      methods.add(listed);
    }
    JsonObject listed = new JsonObject().put("name", service.getName()).put("methods", methods);
    if (!service.getDefinitions().isEmpty()) {
      listed.put("definitions", service.getDefinitions());
    }
    return listed;
  }
}
