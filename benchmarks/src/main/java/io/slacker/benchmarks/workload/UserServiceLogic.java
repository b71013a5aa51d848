package io.slacker.benchmarks.workload;

import io.slacker.benchmarks.model.Page;
import io.slacker.benchmarks.model.User;

/**
 * What every server does for the four calls. The answers depend on the request's content, so
 * a system that skipped decoding a request could not produce them.
 */
public final class UserServiceLogic {

  private UserServiceLogic() {
  }

  /** An address is taken when the digit before the '@' is even. */
  public static boolean existUser(String email) {
    int at = email.indexOf('@');
    return at > 0 && (email.charAt(at - 1) - '0') % 2 == 0;
  }

  /** A user is accepted when its address is free and it carries its full permission list. */
  public static boolean createUser(User user) {
    return accepts(user.getEmail(), user.getPermissions().size());
  }

  /** The rule of {@link #createUser(User)} on the two fields it reads, for systems with their own message types. */
  public static boolean accepts(String email, int permissionCount) {
    return !existUser(email) && permissionCount == Users.PERMISSION_COUNT;
  }

  public static User getUser(long id) {
    return Users.user(id);
  }

  public static Page listUser(int pageNo) {
    return Users.page(pageNo);
  }
}
