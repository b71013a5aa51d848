package io.slacker.codegen.sample;

import io.vertx.codegen.annotations.DataObject;
import io.vertx.codegen.json.annotations.JsonGen;
import io.vertx.core.json.JsonObject;

import java.util.Objects;

/**
 * A data object read by the converter vertx-codegen generates for it (LedgerConverter): a
 * no-arg constructor and setters, and no constructor taking JSON.
 */
@DataObject
@JsonGen
public class Ledger {

  private String owner;
  private long balance;

  public Ledger() {
  }

  public String getOwner() {
    return owner;
  }

  public Ledger setOwner(String owner) {
    this.owner = owner;
    return this;
  }

  public long getBalance() {
    return balance;
  }

  public Ledger setBalance(long balance) {
    this.balance = balance;
    return this;
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    LedgerConverter.toJson(this, json);
    return json;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Ledger other && Objects.equals(owner, other.owner) && balance == other.balance;
  }

  @Override
  public int hashCode() {
    return Objects.hash(owner, balance);
  }

  @Override
  public String toString() {
    return "Ledger[" + owner + ", " + balance + "]";
  }
}
