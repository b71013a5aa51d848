package io.slacker.benchmarks.workload;

/** The four calls of the workload, and the response each one must give for a request key. */
public enum Operation {
  EXIST_USER("existUser"),
  CREATE_USER("createUser"),
  GET_USER("getUser"),
  LIST_USER("listUser");

  /** Request keys run over 0..KEY_COUNT-1, so clients can build their requests up front. */
  public static final int KEY_COUNT = 64;

  private static final Operation[] VALUES = values();

  private final String methodName;

  Operation(String methodName) {
    this.methodName = methodName;
  }

  public String methodName() {
    return methodName;
  }

  public static Operation ofIndex(int index) {
    return VALUES[index];
  }

  /** @return the response, in the shared model, that the call with this key must produce */
  public Object expected(int key) {
    switch (this) {
      case EXIST_USER:
        return UserServiceLogic.existUser(Users.email(key));
      case CREATE_USER:
        return UserServiceLogic.createUser(Users.user(key));
      case GET_USER:
        return Users.user(key);
      case LIST_USER:
        return Users.page(key);
      default:
        throw new AssertionError(this);
    }
  }
}
