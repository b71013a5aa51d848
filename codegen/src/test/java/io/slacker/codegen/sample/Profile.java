package io.slacker.codegen.sample;

import java.util.Map;
import java.util.Objects;

/** A mutable bean, the kind Jackson fills through setters. */
public class Profile {

  private String nickname;
  private int level;
  private Map<String, String> links;

  public Profile() {
  }

  public Profile(String nickname, int level, Map<String, String> links) {
    this.nickname = nickname;
    this.level = level;
    this.links = links;
  }

  public String getNickname() {
    return nickname;
  }

  public void setNickname(String nickname) {
    this.nickname = nickname;
  }

  public int getLevel() {
    return level;
  }

  public void setLevel(int level) {
    this.level = level;
  }

  public Map<String, String> getLinks() {
    return links;
  }

  public void setLinks(Map<String, String> links) {
    this.links = links;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Profile p && level == p.level && Objects.equals(nickname, p.nickname) && Objects.equals(links, p.links);
  }

  @Override
  public int hashCode() {
    return Objects.hash(nickname, level, links);
  }
}
