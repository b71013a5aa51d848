package io.slacker;

/** Permission names Slacker itself defines. */
public final class SlackerPermissions {

  /**
   * Needed for Slacker's own administrative and describe operations (a server's state, its
   * services and methods): grant it to operators only. An application may require it on its own
   * methods too, e.g. {@code @RequiresPermission(SlackerPermissions.ADMIN)}.
   */
  public static final String ADMIN = "slacker:admin";

  private SlackerPermissions() {
  }
}
