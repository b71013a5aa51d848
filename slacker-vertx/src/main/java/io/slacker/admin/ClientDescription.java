package io.slacker.admin;

import io.slacker.impl.JsonFields;
import io.vertx.core.json.JsonObject;

/** A client connected to a described server, as its {@code HELLO} named it. */
public class ClientDescription {

  private String remoteAddress;
  private String name;
  private String version;
  private long connectedSince;
  private int inFlight;
  private long served;

  public ClientDescription() {
  }

  public ClientDescription(JsonObject json) {
    remoteAddress = JsonFields.getString(json, "remoteAddress");
    name = JsonFields.getString(json, "name");
    version = JsonFields.getString(json, "version");
    connectedSince = JsonFields.getLong(json, "connectedSince", 0L);
    inFlight = JsonFields.getInteger(json, "inFlight", 0);
    served = JsonFields.getLong(json, "served", 0L);
  }

  /** @return the client's {@code host:port} as the server sees it */
  public String getRemoteAddress() {
    return remoteAddress;
  }

  public ClientDescription setRemoteAddress(String remoteAddress) {
    this.remoteAddress = remoteAddress;
    return this;
  }

  /** @return the name the client announced ({@code SlackerClientOptions.setName}), {@code null} if none */
  public String getName() {
    return name;
  }

  public ClientDescription setName(String name) {
    this.name = name;
    return this;
  }

  /** @return the Slacker version the client announced, {@code null} if none */
  public String getVersion() {
    return version;
  }

  public ClientDescription setVersion(String version) {
    this.version = version;
    return this;
  }

  /** @return when the connection was accepted, epoch milliseconds */
  public long getConnectedSince() {
    return connectedSince;
  }

  public ClientDescription setConnectedSince(long connectedSince) {
    this.connectedSince = connectedSince;
    return this;
  }

  /** @return the client's calls the server runs at the moment of the answer */
  public int getInFlight() {
    return inFlight;
  }

  public ClientDescription setInFlight(int inFlight) {
    this.inFlight = inFlight;
    return this;
  }

  /** @return the client's calls the server has answered on this connection */
  public long getServed() {
    return served;
  }

  public ClientDescription setServed(long served) {
    this.served = served;
    return this;
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("remoteAddress", remoteAddress);
    if (name != null) {
      json.put("name", name);
    }
    if (version != null) {
      json.put("version", version);
    }
    return json.put("connectedSince", connectedSince).put("inFlight", inFlight).put("served", served);
  }

  @Override
  public String toString() {
    return toJson().encode();
  }
}
