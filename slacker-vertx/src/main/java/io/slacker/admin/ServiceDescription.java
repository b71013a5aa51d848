package io.slacker.admin;

import io.slacker.impl.JsonFields;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/** A service a described server runs: its methods, the types they use, and its state in discovery. */
public class ServiceDescription {

  private String name;
  private Boolean online;
  private boolean leader;
  private List<MethodDescription> methods = List.of();
  private JsonObject definitions = new JsonObject();

  public ServiceDescription() {
  }

  public ServiceDescription(JsonObject json) {
    name = JsonFields.getString(json, "name");
    online = JsonFields.getBoolean(json, "online", null);
    leader = JsonFields.getBoolean(json, "leader", false);
    methods = JsonFields.getObjects(json, "methods", MethodDescription::new);
    JsonObject defs = JsonFields.getJsonObject(json, "definitions");
    definitions = defs != null ? defs : new JsonObject();
  }

  public String getName() {
    return name;
  }

  public ServiceDescription setName(String name) {
    this.name = name;
    return this;
  }

  /** @return whether the server has this service in rotation; {@code null} for a server outside discovery */
  public Boolean getOnline() {
    return online;
  }

  public ServiceDescription setOnline(Boolean online) {
    this.online = online;
    return this;
  }

  /** @return whether the server leads this (leader-routed) service */
  public boolean isLeader() {
    return leader;
  }

  public ServiceDescription setLeader(boolean leader) {
    this.leader = leader;
    return this;
  }

  public List<MethodDescription> getMethods() {
    return methods;
  }

  public ServiceDescription setMethods(List<MethodDescription> methods) {
    this.methods = List.copyOf(methods);
    return this;
  }

  /** @return the shape of each record and POJO the methods use, by Java class name, which {@code $ref}s point to */
  public JsonObject getDefinitions() {
    return definitions;
  }

  public ServiceDescription setDefinitions(JsonObject definitions) {
    this.definitions = definitions;
    return this;
  }

  /** @return the first method of that name, {@code null} when there is none */
  public MethodDescription method(String methodName) {
    return methods.stream().filter(method -> method.getName().equals(methodName)).findFirst().orElse(null);
  }

  public JsonObject toJson() {
    JsonArray list = new JsonArray();
    methods.forEach(method -> list.add(method.toJson()));
    JsonObject json = new JsonObject().put("name", name);
    if (online != null) {
      json.put("online", online);
    }
    return json.put("leader", leader).put("methods", list).put("definitions", definitions);
  }

  @Override
  public String toString() {
    return toJson().encode();
  }
}
