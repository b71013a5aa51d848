package io.slacker.benchmarks.model;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The user record every system carries: a bean for Jackson (Slacker) and Dubbo. Its JSON
 * constructor and {@link #toJson()} are what a Vert.x data object has; the event-bus peer uses
 * them exactly as vertx-codegen's generated code would for a {@code @DataObject}. The class is
 * not annotated, because Slacker's generator sends {@code @DataObject}s through
 * {@code JsonObject} too, which is not how a Slacker service would declare its records.
 */
public class User implements Serializable {

  private static final long serialVersionUID = 1L;

  private long id;
  private String name;
  private int sex;
  private LocalDate birthday;
  private String email;
  private String mobile;
  private String address;
  private String icon;
  private List<Integer> permissions;
  private int status;
  private LocalDateTime createTime;
  private LocalDateTime updateTime;

  public User() {
  }

  public User(JsonObject json) {
    id = json.getLong("id");
    name = json.getString("name");
    sex = json.getInteger("sex");
    birthday = LocalDate.parse(json.getString("birthday"));
    email = json.getString("email");
    mobile = json.getString("mobile");
    address = json.getString("address");
    icon = json.getString("icon");
    JsonArray array = json.getJsonArray("permissions");
    permissions = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      permissions.add(array.getInteger(i));
    }
    status = json.getInteger("status");
    createTime = LocalDateTime.parse(json.getString("createTime"));
    updateTime = LocalDateTime.parse(json.getString("updateTime"));
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("name", name)
        .put("sex", sex)
        .put("birthday", birthday.toString())
        .put("email", email)
        .put("mobile", mobile)
        .put("address", address)
        .put("icon", icon)
        .put("permissions", new JsonArray(new ArrayList<>(permissions)))
        .put("status", status)
        .put("createTime", createTime.toString())
        .put("updateTime", updateTime.toString());
  }

  public long getId() {
    return id;
  }

  public void setId(long id) {
    this.id = id;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public int getSex() {
    return sex;
  }

  public void setSex(int sex) {
    this.sex = sex;
  }

  public LocalDate getBirthday() {
    return birthday;
  }

  public void setBirthday(LocalDate birthday) {
    this.birthday = birthday;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getMobile() {
    return mobile;
  }

  public void setMobile(String mobile) {
    this.mobile = mobile;
  }

  public String getAddress() {
    return address;
  }

  public void setAddress(String address) {
    this.address = address;
  }

  public String getIcon() {
    return icon;
  }

  public void setIcon(String icon) {
    this.icon = icon;
  }

  public List<Integer> getPermissions() {
    return permissions;
  }

  public void setPermissions(List<Integer> permissions) {
    this.permissions = permissions;
  }

  public int getStatus() {
    return status;
  }

  public void setStatus(int status) {
    this.status = status;
  }

  public LocalDateTime getCreateTime() {
    return createTime;
  }

  public void setCreateTime(LocalDateTime createTime) {
    this.createTime = createTime;
  }

  public LocalDateTime getUpdateTime() {
    return updateTime;
  }

  public void setUpdateTime(LocalDateTime updateTime) {
    this.updateTime = updateTime;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof User)) {
      return false;
    }
    User other = (User) o;
    return id == other.id && sex == other.sex && status == other.status
        && Objects.equals(name, other.name) && Objects.equals(birthday, other.birthday)
        && Objects.equals(email, other.email) && Objects.equals(mobile, other.mobile)
        && Objects.equals(address, other.address) && Objects.equals(icon, other.icon)
        && Objects.equals(permissions, other.permissions)
        && Objects.equals(createTime, other.createTime) && Objects.equals(updateTime, other.updateTime);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(id);
  }

  @Override
  public String toString() {
    return "User" + toJson().encode();
  }
}
