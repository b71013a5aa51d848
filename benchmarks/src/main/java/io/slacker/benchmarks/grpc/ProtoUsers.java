package io.slacker.benchmarks.grpc;

import io.slacker.benchmarks.grpc.proto.Answer;
import io.slacker.benchmarks.grpc.proto.Page;
import io.slacker.benchmarks.grpc.proto.User;
import io.slacker.benchmarks.workload.Operation;
import io.slacker.benchmarks.workload.Users;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The workload's data as protobuf messages, built straight from the same field values as the
 * shared model (as a gRPC service would build its messages), and turned back into the shared
 * model only to check responses.
 */
final class ProtoUsers {

  private ProtoUsers() {
  }

  /** @return whether a protobuf response is the workload's answer to {@code operation(key)}, for both gRPC clients */
  static boolean isCorrect(Operation operation, int key, Object response) {
    Object model;
    if (response instanceof Answer) {
      model = ((Answer) response).getValue();
    } else if (response instanceof User) {
      model = toModel((User) response);
    } else {
      model = toModel((Page) response);
    }
    return operation.expected(key).equals(model);
  }

  static User user(long id) {
    User.Builder user = User.newBuilder()
        .setId(id)
        .setName(Users.name(id))
        .setSex(Users.sex(id))
        .setBirthdayEpochDay(Users.birthday(id).toEpochDay())
        .setEmail(Users.email(id))
        .setMobile(Users.mobile(id))
        .setAddress(Users.address(id))
        .setIcon(Users.icon(id))
        .setStatus(Users.status(id))
        .setCreateTimeMillis(epochMillis(Users.createTime(id)))
        .setUpdateTimeMillis(epochMillis(Users.updateTime(id)));
    for (int i = 0; i < Users.PERMISSION_COUNT; i++) {
      user.addPermissions(Users.permission(id, i));
    }
    return user.build();
  }

  static Page page(int pageNo) {
    Page.Builder page = Page.newBuilder().setPageNo(pageNo).setTotal(Users.TOTAL);
    long first = (long) pageNo * Users.PAGE_SIZE;
    for (int i = 0; i < Users.PAGE_SIZE; i++) {
      page.addUsers(user(first + i));
    }
    return page.build();
  }

  static io.slacker.benchmarks.model.User toModel(User proto) {
    io.slacker.benchmarks.model.User user = new io.slacker.benchmarks.model.User();
    user.setId(proto.getId());
    user.setName(proto.getName());
    user.setSex(proto.getSex());
    user.setBirthday(LocalDate.ofEpochDay(proto.getBirthdayEpochDay()));
    user.setEmail(proto.getEmail());
    user.setMobile(proto.getMobile());
    user.setAddress(proto.getAddress());
    user.setIcon(proto.getIcon());
    user.setPermissions(new ArrayList<>(proto.getPermissionsList()));
    user.setStatus(proto.getStatus());
    user.setCreateTime(dateTime(proto.getCreateTimeMillis()));
    user.setUpdateTime(dateTime(proto.getUpdateTimeMillis()));
    return user;
  }

  static io.slacker.benchmarks.model.Page toModel(Page proto) {
    List<io.slacker.benchmarks.model.User> users = new ArrayList<>(proto.getUsersCount());
    for (User user : proto.getUsersList()) {
      users.add(toModel(user));
    }
    io.slacker.benchmarks.model.Page page = new io.slacker.benchmarks.model.Page();
    page.setPageNo(proto.getPageNo());
    page.setTotal(proto.getTotal());
    page.setUsers(users);
    return page;
  }

  private static long epochMillis(LocalDateTime time) {
    return time.toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  private static LocalDateTime dateTime(long epochMillis) {
    return LocalDateTime.ofEpochSecond(Math.floorDiv(epochMillis, 1000), (int) Math.floorMod(epochMillis, 1000) * 1_000_000, ZoneOffset.UTC);
  }
}
