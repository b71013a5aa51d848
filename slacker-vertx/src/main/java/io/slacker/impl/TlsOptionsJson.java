package io.slacker.impl;

import io.vertx.core.json.JsonObject;
import io.vertx.core.net.ClientSSLOptions;
import io.vertx.core.net.JdkSSLEngineOptions;
import io.vertx.core.net.JksOptions;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.OpenSSLEngineOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.PfxOptions;
import io.vertx.core.net.SSLEngineOptions;
import io.vertx.core.net.SSLOptions;
import io.vertx.core.net.ServerSSLOptions;
import io.vertx.core.net.TrustOptions;

import java.util.function.Function;

/**
 * The JSON form of Vert.x's TLS options. Vert.x's own JSON of {@link SSLOptions} leaves out the
 * key and trust material; this adds it under the names Vert.x's {@code NetServerOptions} JSON
 * uses ({@code pemKeyCertOptions}, {@code keyStoreOptions}, {@code pfxKeyCertOptions},
 * {@code pemTrustOptions}, {@code trustStoreOptions}, {@code pfxTrustOptions}), and reads the
 * engine as {@code jdkSslEngineOptions} or {@code openSslEngineOptions}. Material of another
 * type (an application's own {@link KeyCertOptions}) has no JSON form and is left out.
 */
public final class TlsOptionsJson {

  private TlsOptionsJson() {
  }

  /** @param key where {@code json} sits in the configuration, named by the errors */
  public static ServerSSLOptions server(String key, JsonObject json) {
    return read(key, json, ServerSSLOptions::new);
  }

  /** @param key where {@code json} sits in the configuration, named by the errors */
  public static ClientSSLOptions client(String key, JsonObject json) {
    return read(key, json, ClientSSLOptions::new);
  }

  public static JsonObject toJson(SSLOptions options) {
    JsonObject json = options.toJson();
    KeyCertOptions keyCert = options.getKeyCertOptions();
    if (keyCert instanceof PemKeyCertOptions pem) {
      json.put("pemKeyCertOptions", pem.toJson());
    } else if (keyCert instanceof JksOptions jks) {
      json.put("keyStoreOptions", jks.toJson());
    } else if (keyCert instanceof PfxOptions pfx) {
      json.put("pfxKeyCertOptions", pfx.toJson());
    }
    TrustOptions trust = options.getTrustOptions();
    if (trust instanceof PemTrustOptions pem) {
      json.put("pemTrustOptions", pem.toJson());
    } else if (trust instanceof JksOptions jks) {
      json.put("trustStoreOptions", jks.toJson());
    } else if (trust instanceof PfxOptions pfx) {
      json.put("pfxTrustOptions", pfx.toJson());
    }
    return json;
  }

  /** @return the engine {@code json} names, or {@code null} for none (the JDK's) */
  public static SSLEngineOptions engine(JsonObject json) {
    JsonObject jdk = JsonFields.getJsonObject(json, "jdkSslEngineOptions");
    JsonObject openSsl = JsonFields.getJsonObject(json, "openSslEngineOptions");
    if (jdk != null && openSsl != null) {
      throw new IllegalArgumentException("jdkSslEngineOptions and openSslEngineOptions exclude each other");
    }
    return jdk != null ? new JdkSSLEngineOptions(jdk) : openSsl != null ? new OpenSSLEngineOptions(openSsl) : null;
  }

  public static JsonObject putEngine(JsonObject json, SSLEngineOptions engine) {
    if (engine instanceof OpenSSLEngineOptions openSsl) {
      json.put("openSslEngineOptions", openSsl.toJson());
    } else if (engine instanceof JdkSSLEngineOptions jdk) {
      json.put("jdkSslEngineOptions", jdk.toJson());
    }
    return json;
  }

  private static <T extends SSLOptions> T read(String key, JsonObject json, Function<JsonObject, T> create) {
    T options;
    try {
      options = create.apply(json);
    } catch (RuntimeException e) {
      // Vert.x's converter throws ClassCastException or IllegalArgumentException on a wrong value.
      throw new IllegalArgumentException(key + " is invalid: " + e.getMessage(), e);
    }
    KeyCertOptions keyCert = only(key, json, "pemKeyCertOptions", PemKeyCertOptions::new, "keyStoreOptions", JksOptions::new,
        "pfxKeyCertOptions", PfxOptions::new);
    TrustOptions trust = only(key, json, "pemTrustOptions", PemTrustOptions::new, "trustStoreOptions", JksOptions::new,
        "pfxTrustOptions", PfxOptions::new);
    options.setKeyCertOptions(keyCert);
    options.setTrustOptions(trust);
    return options;
  }

  /** The one of three keys that is present, built; two at once are a mistake worth naming. */
  private static <T> T only(String parent, JsonObject json, String pemKey, Function<JsonObject, ? extends T> pem,
                            String jksKey, Function<JsonObject, ? extends T> jks,
                            String pfxKey, Function<JsonObject, ? extends T> pfx) {
    T found = null;
    String foundKey = null;
    for (String key : new String[] {pemKey, jksKey, pfxKey}) {
      JsonObject value = JsonFields.nested(parent, () -> JsonFields.getJsonObject(json, key));
      if (value == null) {
        continue;
      }
      if (found != null) {
        throw new IllegalArgumentException(parent + "." + foundKey + " and " + key + " exclude each other");
      }
      Function<JsonObject, ? extends T> build = key.equals(pemKey) ? pem : key.equals(jksKey) ? jks : pfx;
      try {
        found = build.apply(value);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(parent + "." + key + " is invalid: " + e.getMessage(), e);
      }
      foundKey = key;
    }
    return found;
  }
}
