package io.slacker.impl.serialization;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.smile.SmileFactory;
import com.fasterxml.jackson.databind.JavaType;
import io.slacker.MethodDescriptor;
import io.slacker.spi.Serializer;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;

/** The serializers known to this process, by wire id and by name: the built-ins and any found by ServiceLoader. */
public final class Serializers {

  public static final int JSON = 1;
  public static final int SMILE = 2;
  public static final int CBOR = 3;

  private static final Serializers INSTANCE = new Serializers();

  private final Serializer[] byId = new Serializer[256];
  private final Map<String, Serializer> byName = new HashMap<>();
  private final int[] ids;

  private Serializers() {
    add(new JacksonSerializer(JSON, "json",
        JsonFactory.builder().streamReadConstraints(PayloadReadConstraints.CONSTRAINTS).build(), false));
    add(new JacksonSerializer(SMILE, "smile",
        new StrictSmileFactory(SmileFactory.builder().streamReadConstraints(PayloadReadConstraints.CONSTRAINTS)), true));
    add(new JacksonSerializer(CBOR, "cbor",
        CBORFactory.builder().streamReadConstraints(PayloadReadConstraints.CONSTRAINTS).build(), true));
    for (Serializer extra : ServiceLoader.load(Serializer.class, Serializers.class.getClassLoader())) {
      add(extra);
    }
    ids = byName.values().stream().mapToInt(Serializer::id).sorted().toArray();
  }

  public static Serializers get() {
    return INSTANCE;
  }

  /** @return the serializer with that wire id, or {@code null} */
  public Serializer byId(int id) {
    return id >= 0 && id < byId.length ? byId[id] : null;
  }

  /** @throws IllegalArgumentException naming the known serializers when there is none of that name */
  public Serializer byName(String name) {
    Serializer serializer = byName.get(name);
    if (serializer == null) {
      throw new IllegalArgumentException("unknown serialization '" + name + "'; known: " + byName.keySet());
    }
    return serializer;
  }

  /** @return the ids announced in HELLO frames */
  public int[] ids() {
    return Arrays.copyOf(ids, ids.length);
  }

  /** Builds every serializer's machinery for the method's declared types, off the call path. */
  public void prepare(MethodDescriptor method) {
    for (Serializer serializer : byName.values()) {
      for (JavaType type : method.parameterTypes()) {
        serializer.prepare(type);
      }
      serializer.prepare(method.returnType());
    }
  }

  private void add(Serializer serializer) {
    int id = serializer.id();
    if (id < 1 || id > 255) {
      throw new IllegalStateException("serializer '" + serializer.name() + "' has id " + id + ", outside 1..255");
    }
    if (byId[id] != null) {
      throw new IllegalStateException("serializers '" + byId[id].name() + "' and '" + serializer.name()
          + "' share the id " + id);
    }
    byId[id] = serializer;
    byName.put(serializer.name(), serializer);
  }
}
