package io.slacker.codegen.sample;

import io.vertx.codegen.annotations.DataObject;
import io.vertx.core.json.JsonObject;

import java.util.Objects;

/** A Vert.x data object: it travels as the JsonObject of {@link #toJson()}. */
@DataObject
public class Settings {

  private String theme;
  private int fontSize;

  public Settings() {
  }

  public Settings(Settings other) {
    this(other.theme, other.fontSize);
  }

  public Settings(JsonObject json) {
    this(json.getString("theme"), json.getInteger("fontSize", 0));
  }

  public Settings(String theme, int fontSize) {
    this.theme = theme;
    this.fontSize = fontSize;
  }

  public String getTheme() {
    return theme;
  }

  public int getFontSize() {
    return fontSize;
  }

  public JsonObject toJson() {
    return new JsonObject().put("theme", theme).put("fontSize", fontSize);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Settings s && fontSize == s.fontSize && Objects.equals(theme, s.theme);
  }

  @Override
  public int hashCode() {
    return Objects.hash(theme, fontSize);
  }
}
