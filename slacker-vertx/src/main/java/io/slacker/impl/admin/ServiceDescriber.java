package io.slacker.impl.admin;

import io.slacker.MethodDescriptor;
import io.slacker.ServiceDefinition;
import io.slacker.admin.MethodDescription;
import io.slacker.admin.ParameterDescription;
import io.slacker.admin.ServiceDescription;
import io.slacker.impl.serialization.JacksonSerializer;
import io.slacker.impl.serialization.Serializers;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The part of a service's description that never changes, its methods and the shapes of their
 * types, worked out once per registered service. The state in discovery is added per describe.
 */
public final class ServiceDescriber {

  private final Map<ServiceDefinition, ServiceDescription> described = new ConcurrentHashMap<>();

  /** @return a fresh description of {@code service}, without its discovery state */
  public ServiceDescription describe(ServiceDefinition service) {
    ServiceDescription fixed = described.computeIfAbsent(service, ServiceDescriber::build);
    return new ServiceDescription(fixed.toJson());
  }

  private static ServiceDescription build(ServiceDefinition service) {
    TypeSchemas schemas = new TypeSchemas(((JacksonSerializer) Serializers.get().byId(Serializers.JSON)).mapper());
    List<MethodDescription> methods = new ArrayList<>();
    for (ServiceDefinition.ServerMethod method : service.methods()) {
      methods.add(method(method.descriptor(), schemas));
    }
    return new ServiceDescription().setName(service.name()).setMethods(methods).setDefinitions(schemas.definitions());
  }

  /** A returned service travels as its instance's name (docs/protocol.md §12). */
  private static JsonObject result(MethodDescriptor descriptor, TypeSchemas schemas) {
    if (!descriptor.returnsService()) {
      return schemas.of(descriptor.returnType());
    }
    return new JsonObject().put("type", "string").put("format", "service-instance")
        .put("javaType", descriptor.returnType().getRawClass().getName());
  }

  private static MethodDescription method(MethodDescriptor descriptor, TypeSchemas schemas) {
    List<ParameterDescription> parameters = new ArrayList<>();
    for (int i = 0; i < descriptor.parameterCount(); i++) {
      parameters.add(new ParameterDescription(descriptor.parameterNames().get(i), schemas.of(descriptor.parameterType(i))));
    }
    return new MethodDescription()
        .setName(descriptor.methodName())
        .setSignature(descriptor.signature())
        .setParameters(parameters)
        .setResult(descriptor.oneWay() ? null : result(descriptor, schemas))
        .setOneWay(descriptor.oneWay())
        .setIdempotent(descriptor.idempotent())
        .setBlocking(descriptor.blocking())
        .setLeaderRouted(descriptor.leaderRouted())
        .setTimeoutMillis(descriptor.timeoutMillis())
        .setDoc(descriptor.doc())
        .setPermissions(descriptor.permissions())
        .setRoles(descriptor.roles());
  }
}
