package io.slacker.benchmarks.model;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** One page of users, the result of {@code listUser}; JSON conversions as {@link User} has them. */
public class Page implements Serializable {

  private static final long serialVersionUID = 1L;

  private int pageNo;
  private int total;
  private List<User> users;

  public Page() {
  }

  public Page(JsonObject json) {
    pageNo = json.getInteger("pageNo");
    total = json.getInteger("total");
    JsonArray array = json.getJsonArray("users");
    users = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      users.add(new User(array.getJsonObject(i)));
    }
  }

  public JsonObject toJson() {
    JsonArray array = new JsonArray(new ArrayList<>(users.size()));
    for (User user : users) {
      array.add(user.toJson());
    }
    return new JsonObject().put("pageNo", pageNo).put("total", total).put("users", array);
  }

  public int getPageNo() {
    return pageNo;
  }

  public void setPageNo(int pageNo) {
    this.pageNo = pageNo;
  }

  public int getTotal() {
    return total;
  }

  public void setTotal(int total) {
    this.total = total;
  }

  public List<User> getUsers() {
    return users;
  }

  public void setUsers(List<User> users) {
    this.users = users;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Page)) {
      return false;
    }
    Page other = (Page) o;
    return pageNo == other.pageNo && total == other.total && Objects.equals(users, other.users);
  }

  @Override
  public int hashCode() {
    return pageNo;
  }

  @Override
  public String toString() {
    return "Page" + toJson().encode();
  }
}
