package io.slacker.admin;

import io.slacker.cluster.ServerData;
import io.slacker.impl.JsonFields;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/** What a server says of itself through {@link SlackerAdmin#describe}. */
public class ServerDescription {

  private String version;
  private long startTime;
  private long uptimeMillis;
  private Boolean online;
  private ServerData data;
  private List<ServiceDescription> services = List.of();
  private List<ClientDescription> clients = List.of();

  public ServerDescription() {
  }

  public ServerDescription(JsonObject json) {
    version = JsonFields.getString(json, "version");
    startTime = JsonFields.getLong(json, "startTime", 0L);
    uptimeMillis = JsonFields.getLong(json, "uptimeMillis", 0L);
    online = JsonFields.getBoolean(json, "online", null);
    JsonObject serverData = JsonFields.getJsonObject(json, "data");
    data = serverData == null ? null : new ServerData(serverData);
    services = JsonFields.getObjects(json, "services", ServiceDescription::new);
    clients = JsonFields.getObjects(json, "clients", ClientDescription::new);
  }

  /** @return the Slacker version the server runs */
  public String getVersion() {
    return version;
  }

  public ServerDescription setVersion(String version) {
    this.version = version;
    return this;
  }

  /** @return when the server was created, epoch milliseconds */
  public long getStartTime() {
    return startTime;
  }

  public ServerDescription setStartTime(long startTime) {
    this.startTime = startTime;
    return this;
  }

  public long getUptimeMillis() {
    return uptimeMillis;
  }

  public ServerDescription setUptimeMillis(long uptimeMillis) {
    this.uptimeMillis = uptimeMillis;
    return this;
  }

  /** @return whether the whole server is in rotation; {@code null} for a server outside discovery */
  public Boolean getOnline() {
    return online;
  }

  public ServerDescription setOnline(Boolean online) {
    this.online = online;
    return this;
  }

  /** @return the server data it publishes, {@code null} for a server outside discovery */
  public ServerData getData() {
    return data;
  }

  public ServerDescription setData(ServerData data) {
    this.data = data;
    return this;
  }

  /** @return the services it runs, Slacker's own {@code slacker.Server} included */
  public List<ServiceDescription> getServices() {
    return services;
  }

  public ServerDescription setServices(List<ServiceDescription> services) {
    this.services = List.copyOf(services);
    return this;
  }

  /** @return the service of that name, {@code null} when the server does not run it */
  public ServiceDescription service(String name) {
    return services.stream().filter(service -> service.getName().equals(name)).findFirst().orElse(null);
  }

  /** @return the clients connected at the moment of the answer */
  public List<ClientDescription> getClients() {
    return clients;
  }

  public ServerDescription setClients(List<ClientDescription> clients) {
    this.clients = List.copyOf(clients);
    return this;
  }

  public JsonObject toJson() {
    JsonArray serviceList = new JsonArray();
    services.forEach(service -> serviceList.add(service.toJson()));
    JsonArray clientList = new JsonArray();
    clients.forEach(client -> clientList.add(client.toJson()));
    JsonObject json = new JsonObject().put("version", version).put("startTime", startTime).put("uptimeMillis", uptimeMillis);
    if (online != null) {
      json.put("online", online);
    }
    if (data != null) {
      json.put("data", data.toJson());
    }
    return json.put("services", serviceList).put("clients", clientList);
  }

  @Override
  public String toString() {
    return toJson().encode();
  }
}
