package io.slacker.benchmarks.workload;

import io.slacker.benchmarks.model.Page;
import io.slacker.benchmarks.model.User;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The deterministic data of the workload: the same id always gives the same user, so a client
 * can check any response against what it expects without asking the server.
 */
public final class Users {

  public static final int PAGE_SIZE = 15;
  public static final int PERMISSION_COUNT = 15;
  /** Users in a listing: pages run over a fixed-size table. */
  public static final int TOTAL = 10_000;

  private static final LocalDate FIRST_BIRTHDAY = LocalDate.of(1970, 1, 1);
  private static final LocalDateTime EPOCH = LocalDateTime.of(2024, 1, 1, 8, 30);

  private Users() {
  }

  public static User user(long id) {
    User user = new User();
    user.setId(id);
    user.setName(name(id));
    user.setSex(sex(id));
    user.setBirthday(birthday(id));
    user.setEmail(email(id));
    user.setMobile(mobile(id));
    user.setAddress(address(id));
    user.setIcon(icon(id));
    user.setPermissions(permissions(id));
    user.setStatus(status(id));
    user.setCreateTime(createTime(id));
    user.setUpdateTime(updateTime(id));
    return user;
  }

  // One function per field, so a system with its own message types (gRPC) builds the same values.

  public static String name(long id) {
    return "user-" + id;
  }

  public static int sex(long id) {
    return (int) (id % 2);
  }

  public static LocalDate birthday(long id) {
    return FIRST_BIRTHDAY.plusDays(id % 15_000);
  }

  public static String email(long id) {
    return "user" + id + "@example.com";
  }

  /** Ten thousand numbers, without String.format: its cost would show in every system's profile. */
  public static String mobile(long id) {
    return "+33 6 12 3" + (10_000 + id % 10_000);
  }

  public static String address(long id) {
    return "12 Rue de l'Université, 75007 Paris, appartement " + id;
  }

  public static String icon(long id) {
    return "https://cdn.example.com/avatars/" + id + ".png";
  }

  public static List<Integer> permissions(long id) {
    List<Integer> permissions = new ArrayList<>(PERMISSION_COUNT);
    for (int i = 0; i < PERMISSION_COUNT; i++) {
      permissions.add(permission(id, i));
    }
    return permissions;
  }

  public static int permission(long id, int index) {
    return (int) ((id + 7L * index) % 1000);
  }

  public static int status(long id) {
    return (int) (id % 3);
  }

  /** Millisecond precision: every system's codec keeps it. */
  public static LocalDateTime createTime(long id) {
    return EPOCH.plusSeconds(id).plusNanos((id % 1000) * 1_000_000L);
  }

  public static LocalDateTime updateTime(long id) {
    return createTime(id).plusMinutes(5);
  }

  public static Page page(int pageNo) {
    List<User> users = new ArrayList<>(PAGE_SIZE);
    long first = (long) pageNo * PAGE_SIZE;
    for (int i = 0; i < PAGE_SIZE; i++) {
      users.add(user(first + i));
    }
    Page page = new Page();
    page.setPageNo(pageNo);
    page.setTotal(TOTAL);
    page.setUsers(users);
    return page;
  }
}
