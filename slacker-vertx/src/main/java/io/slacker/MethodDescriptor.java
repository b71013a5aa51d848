package io.slacker;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What both sides know about one service method: its names and ids, the declared types its
 * arguments and result decode into, and its call options. Generated code keeps these as
 * constants; hand-written services build them with {@link #builder(String, String)}.
 */
public final class MethodDescriptor {

  private final String serviceName;
  private final String methodName;
  private final String signature;
  private final int serviceId;
  private final int methodId;
  private final JavaType[] parameterTypes;
  private final JavaType returnType;
  private final boolean oneWay;
  private final boolean blocking;
  private final boolean idempotent;
  private final boolean leaderRouted;
  private final long timeoutMillis;
  private final List<String> permissions;
  private final List<String> roles;
  private final List<String> parameterNames;
  private final String doc;
  private final boolean returnsService;

  private MethodDescriptor(Builder builder) {
    this.serviceName = builder.serviceName;
    this.methodName = builder.methodName;
    this.parameterTypes = builder.parameterTypes;
    this.returnType = builder.returnType;
    this.signature = builder.signature != null ? builder.signature : defaultSignature(methodName, parameterTypes);
    this.serviceId = ServiceIds.serviceId(serviceName);
    this.methodId = ServiceIds.methodId(signature);
    this.oneWay = builder.oneWay;
    this.blocking = builder.blocking;
    this.idempotent = builder.idempotent;
    this.leaderRouted = builder.leaderRouted;
    this.timeoutMillis = builder.timeoutMillis;
    this.permissions = builder.permissions;
    this.roles = builder.roles;
    this.parameterNames = builder.parameterNames != null ? builder.parameterNames : defaultNames(parameterTypes.length);
    if (this.parameterNames.size() != parameterTypes.length) {
      throw new IllegalArgumentException(this + " has " + parameterTypes.length + " parameters but "
          + this.parameterNames.size() + " parameter names");
    }
    this.doc = builder.doc;
    this.returnsService = builder.returnsService;
    if (returnsService && (oneWay || !returnType.isInterface())) {
      throw new IllegalArgumentException(this + " returns a service, so its return type must be the service's "
          + "interface and the method not one-way");
    }
  }

  /** The same method on a service of another name, with every option kept. */
  private MethodDescriptor(MethodDescriptor method, String serviceName) {
    this.serviceName = serviceName;
    this.methodName = method.methodName;
    this.signature = method.signature;
    this.serviceId = ServiceIds.serviceId(serviceName);
    this.methodId = method.methodId;
    this.parameterTypes = method.parameterTypes;
    this.returnType = method.returnType;
    this.oneWay = method.oneWay;
    this.blocking = method.blocking;
    this.idempotent = method.idempotent;
    this.leaderRouted = method.leaderRouted;
    this.timeoutMillis = method.timeoutMillis;
    this.permissions = method.permissions;
    this.roles = method.roles;
    this.parameterNames = method.parameterNames;
    this.doc = method.doc;
    this.returnsService = method.returnsService;
  }

  public static Builder builder(String serviceName, String methodName) {
    return new Builder(serviceName, methodName);
  }

  public String serviceName() {
    return serviceName;
  }

  public String methodName() {
    return methodName;
  }

  /** @return the name and erased parameter type names, e.g. {@code hello(java.lang.String)}: the source of {@link #methodId()} */
  public String signature() {
    return signature;
  }

  public int serviceId() {
    return serviceId;
  }

  public int methodId() {
    return methodId;
  }

  public int parameterCount() {
    return parameterTypes.length;
  }

  public JavaType parameterType(int index) {
    return parameterTypes[index];
  }

  /** @return a copy of the declared parameter types */
  public JavaType[] parameterTypes() {
    return parameterTypes.clone();
  }

  /** @return the declared type the result decodes into ({@code Void} for none) */
  public JavaType returnType() {
    return returnType;
  }

  /**
   * @return whether the method returns a service ({@code Future<Connection> connect()}): the
   *     server keeps the returned implementation for the caller's connection and answers its
   *     instance name, and the client answers a proxy bound to that instance (docs/protocol.md §12)
   */
  public boolean returnsService() {
    return returnsService;
  }

  /**
   * @return this method on the service named {@code serviceName}, for instance a service
   *     instance's name; everything else, the method id included, unchanged
   */
  public MethodDescriptor forService(String serviceName) {
    if (serviceName == null || serviceName.isEmpty()) {
      throw new IllegalArgumentException("service name must not be empty");
    }
    return serviceName.equals(this.serviceName) ? this : new MethodDescriptor(this, serviceName);
  }

  /** @return whether the caller expects no response frame (a {@code void} method) */
  public boolean oneWay() {
    return oneWay;
  }

  public boolean blocking() {
    return blocking;
  }

  public boolean idempotent() {
    return idempotent;
  }

  /**
   * @return whether the method's service is leader-routed ({@code @LeaderRouted}): its calls go
   *     to the elected leader unless the call names another grouping, and its servers stand for election
   */
  public boolean leaderRouted() {
    return leaderRouted;
  }

  /** @return the method's own timeout, or 0 to use the caller's */
  public long timeoutMillis() {
    return timeoutMillis;
  }

  /**
   * @return the permissions a caller needs, all of them ({@code @RequiresPermission} on the
   *     method and its interface), checked by a server with authentication before the method runs
   */
  public List<String> permissions() {
    return permissions;
  }

  /** @return the roles a caller needs, all of them ({@code @RequiresRole} on the method and its interface) */
  public List<String> roles() {
    return roles;
  }

  /**
   * @return the parameters' names in the source, as the code generator recorded them; {@code arg0},
   *     {@code arg1}, … for a descriptor built without them
   */
  public List<String> parameterNames() {
    return parameterNames;
  }

  /** @return the first sentence of the method's Javadoc, as the code generator recorded it; {@code null} if none */
  public String doc() {
    return doc;
  }

  @Override
  public String toString() {
    return serviceName + "#" + signature;
  }

  private static List<String> defaultNames(int count) {
    List<String> names = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      names.add("arg" + i);
    }
    return List.copyOf(names);
  }

  private static String defaultSignature(String methodName, JavaType[] types) {
    StringBuilder sb = new StringBuilder(methodName).append('(');
    for (int i = 0; i < types.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(types[i].getRawClass().getName());
    }
    return sb.append(')').toString();
  }

  /** Builds a {@link MethodDescriptor}. */
  public static final class Builder {
    private static final JavaType[] NO_TYPES = new JavaType[0];

    private final String serviceName;
    private final String methodName;
    private String signature;
    private JavaType[] parameterTypes = NO_TYPES;
    private JavaType returnType = TypeFactory.defaultInstance().constructType(Void.class);
    private boolean oneWay;
    private boolean blocking;
    private boolean idempotent;
    private boolean leaderRouted;
    private long timeoutMillis;
    private List<String> permissions = List.of();
    private List<String> roles = List.of();
    private List<String> parameterNames;
    private String doc;
    private boolean returnsService;

    private Builder(String serviceName, String methodName) {
      if (serviceName == null || serviceName.isEmpty() || methodName == null || methodName.isEmpty()) {
        throw new IllegalArgumentException("service and method names must not be empty");
      }
      this.serviceName = serviceName;
      this.methodName = methodName;
    }

    public Builder parameterTypes(JavaType... types) {
      this.parameterTypes = Arrays.copyOf(types, types.length);
      for (JavaType type : parameterTypes) {
        Objects.requireNonNull(type, "parameter type");
      }
      return this;
    }

    public Builder parameterTypes(Class<?>... types) {
      JavaType[] javaTypes = new JavaType[types.length];
      for (int i = 0; i < types.length; i++) {
        javaTypes[i] = TypeFactory.defaultInstance().constructType(types[i]);
      }
      this.parameterTypes = javaTypes;
      return this;
    }

    public Builder returnType(JavaType type) {
      this.returnType = Objects.requireNonNull(type, "return type");
      return this;
    }

    public Builder returnType(Class<?> type) {
      return returnType(TypeFactory.defaultInstance().constructType(type));
    }

    /** Overrides the signature the method id is hashed from; generated code passes the source-level one. */
    public Builder signature(String signature) {
      this.signature = signature;
      return this;
    }

    public Builder oneWay(boolean oneWay) {
      this.oneWay = oneWay;
      return this;
    }

    public Builder blocking(boolean blocking) {
      this.blocking = blocking;
      return this;
    }

    public Builder idempotent(boolean idempotent) {
      this.idempotent = idempotent;
      return this;
    }

    public Builder leaderRouted(boolean leaderRouted) {
      this.leaderRouted = leaderRouted;
      return this;
    }

    public Builder timeoutMillis(long timeoutMillis) {
      if (timeoutMillis < 0) {
        throw new IllegalArgumentException("timeoutMillis must not be negative");
      }
      this.timeoutMillis = timeoutMillis;
      return this;
    }

    /** The permissions a caller needs, all of them: see {@link MethodDescriptor#permissions()}. */
    public Builder permissions(String... permissions) {
      this.permissions = names(permissions, "permission");
      return this;
    }

    /** The roles a caller needs, all of them: see {@link MethodDescriptor#roles()}. */
    public Builder roles(String... roles) {
      this.roles = names(roles, "role");
      return this;
    }

    private static List<String> names(String[] names, String what) {
      for (String name : names) {
        if (name == null || name.isEmpty()) {
          throw new IllegalArgumentException(what + " names must not be empty");
        }
      }
      return List.of(names);
    }

    /** The parameters' names in the source, one per parameter type; for describe and calls by parameter name. */
    public Builder parameterNames(String... names) {
      this.parameterNames = names(names, "parameter");
      return this;
    }

    /** The first sentence of the method's Javadoc, for describe. */
    public Builder doc(String doc) {
      this.doc = doc == null || doc.isBlank() ? null : doc;
      return this;
    }

    /**
     * The method returns a service, whose interface is the return type: see
     * {@link MethodDescriptor#returnsService()}.
     */
    public Builder returnsService(boolean returnsService) {
      this.returnsService = returnsService;
      return this;
    }

    public MethodDescriptor build() {
      return new MethodDescriptor(this);
    }
  }
}
