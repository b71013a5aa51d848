package io.slacker.admin;

import io.slacker.impl.JsonFields;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * A method of a described service: what a tool needs to build a valid call by name.
 *
 * <p>Types are JSON-Schema-like objects describing the JSON form of the values (what a JSON
 * client sends and receives): {@code {"type": "string"}}, {@code {"type": "integer", "format":
 * "int64"}}, {@code {"type": "array", "items": …}}, {@code {"type": "object",
 * "additionalProperties": …}} for maps, {@code {"type": "string", "enum": [...]}}, and
 * {@code {"$ref": "#/definitions/<class>"}} for records and POJOs, whose properties the
 * service's {@link ServiceDescription#getDefinitions() definitions} list. Every shape also
 * names its Java type in {@code "javaType"}.
 */
public class MethodDescription {

  private String name;
  private String signature;
  private List<ParameterDescription> parameters = List.of();
  private JsonObject result;
  private boolean oneWay;
  private boolean idempotent;
  private boolean blocking;
  private boolean leaderRouted;
  private long timeoutMillis;
  private String doc;
  private List<String> permissions = List.of();
  private List<String> roles = List.of();

  public MethodDescription() {
  }

  public MethodDescription(JsonObject json) {
    name = JsonFields.getString(json, "name");
    signature = JsonFields.getString(json, "signature");
    parameters = JsonFields.getObjects(json, "parameters", ParameterDescription::new);
    result = JsonFields.getJsonObject(json, "result");
    oneWay = JsonFields.getBoolean(json, "oneWay", false);
    idempotent = JsonFields.getBoolean(json, "idempotent", false);
    blocking = JsonFields.getBoolean(json, "blocking", false);
    leaderRouted = JsonFields.getBoolean(json, "leaderRouted", false);
    timeoutMillis = JsonFields.getLong(json, "timeoutMillis", 0L);
    doc = JsonFields.getString(json, "doc");
    permissions = JsonFields.getStrings(json, "permissions");
    roles = JsonFields.getStrings(json, "roles");
  }

  public String getName() {
    return name;
  }

  public MethodDescription setName(String name) {
    this.name = name;
    return this;
  }

  /** @return the name and erased parameter types, e.g. {@code getUser(long)}: the source of the method id */
  public String getSignature() {
    return signature;
  }

  public MethodDescription setSignature(String signature) {
    this.signature = signature;
    return this;
  }

  public List<ParameterDescription> getParameters() {
    return parameters;
  }

  public MethodDescription setParameters(List<ParameterDescription> parameters) {
    this.parameters = List.copyOf(parameters);
    return this;
  }

  /** @return the shape of the result, {@code {"type": "null"}} for {@code Future<Void>}; {@code null} for a one-way method */
  public JsonObject getResult() {
    return result;
  }

  public MethodDescription setResult(JsonObject result) {
    this.result = result;
    return this;
  }

  public boolean isOneWay() {
    return oneWay;
  }

  public MethodDescription setOneWay(boolean oneWay) {
    this.oneWay = oneWay;
    return this;
  }

  public boolean isIdempotent() {
    return idempotent;
  }

  public MethodDescription setIdempotent(boolean idempotent) {
    this.idempotent = idempotent;
    return this;
  }

  public boolean isBlocking() {
    return blocking;
  }

  public MethodDescription setBlocking(boolean blocking) {
    this.blocking = blocking;
    return this;
  }

  public boolean isLeaderRouted() {
    return leaderRouted;
  }

  public MethodDescription setLeaderRouted(boolean leaderRouted) {
    this.leaderRouted = leaderRouted;
    return this;
  }

  /** @return the method's own timeout ({@code @Timeout}), 0 when it has none */
  public long getTimeoutMillis() {
    return timeoutMillis;
  }

  public MethodDescription setTimeoutMillis(long timeoutMillis) {
    this.timeoutMillis = timeoutMillis;
    return this;
  }

  /** @return the first sentence of the method's Javadoc, {@code null} when it has none */
  public String getDoc() {
    return doc;
  }

  public MethodDescription setDoc(String doc) {
    this.doc = doc;
    return this;
  }

  /** @return the permissions the method requires ({@code @RequiresPermission}) */
  public List<String> getPermissions() {
    return permissions;
  }

  public MethodDescription setPermissions(List<String> permissions) {
    this.permissions = List.copyOf(permissions);
    return this;
  }

  /** @return the roles the method requires ({@code @RequiresRole}) */
  public List<String> getRoles() {
    return roles;
  }

  public MethodDescription setRoles(List<String> roles) {
    this.roles = List.copyOf(roles);
    return this;
  }

  public JsonObject toJson() {
    JsonArray params = new JsonArray();
    parameters.forEach(parameter -> params.add(parameter.toJson()));
    JsonObject json = new JsonObject().put("name", name).put("signature", signature).put("parameters", params);
    if (result != null) {
      json.put("result", result);
    }
    json.put("oneWay", oneWay).put("idempotent", idempotent).put("blocking", blocking)
        .put("leaderRouted", leaderRouted).put("timeoutMillis", timeoutMillis);
    if (doc != null) {
      json.put("doc", doc);
    }
    return json.put("permissions", new JsonArray(permissions)).put("roles", new JsonArray(roles));
  }

  @Override
  public String toString() {
    return toJson().encode();
  }
}
