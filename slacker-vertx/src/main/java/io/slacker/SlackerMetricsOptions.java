package io.slacker;

import io.slacker.impl.JsonFields;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * How a client or a server measures its calls, when a metrics implementation is on the class
 * path ({@code slacker-micrometer}) and has a registry for the Vert.x instance: see
 * docs/observability.md. Latency meters carry no histogram unless asked, the cheapest form.
 */
public class SlackerMetricsOptions {

  public static final boolean DEFAULT_ENABLED = true;
  public static final boolean DEFAULT_HISTOGRAM = false;

  private boolean enabled;
  private boolean histogram;
  private List<Double> percentiles;
  private List<Long> sloMillis;

  public SlackerMetricsOptions() {
    enabled = DEFAULT_ENABLED;
    histogram = DEFAULT_HISTOGRAM;
    percentiles = List.of();
    sloMillis = List.of();
  }

  public SlackerMetricsOptions(SlackerMetricsOptions other) {
    enabled = other.enabled;
    histogram = other.histogram;
    percentiles = other.percentiles;
    sloMillis = other.sloMillis;
  }

  public SlackerMetricsOptions(JsonObject json) {
    this();
    setEnabled(JsonFields.getBoolean(json, "enabled", enabled));
    setHistogram(JsonFields.getBoolean(json, "histogram", histogram));
    JsonArray percentileArray = JsonFields.getJsonArray(json, "percentiles", null);
    if (percentileArray != null) {
      setPercentiles(numbers(percentileArray, "percentiles").stream().map(Number::doubleValue).toList());
    }
    JsonArray sloArray = JsonFields.getJsonArray(json, "sloMillis", null);
    if (sloArray != null) {
      setSloMillis(numbers(sloArray, "sloMillis").stream().map(Number::longValue).toList());
    }
  }

  private static List<Number> numbers(JsonArray array, String key) {
    List<Number> values = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      if (!(array.getValue(i) instanceof Number number)) {
        throw new IllegalArgumentException(key + "[" + i + "] must be a number");
      }
      values.add(number);
    }
    return values;
  }

  public JsonObject toJson() {
    return new JsonObject().put("enabled", enabled).put("histogram", histogram)
        .put("percentiles", new JsonArray(new ArrayList<>(percentiles)))
        .put("sloMillis", new JsonArray(new ArrayList<>(sloMillis)));
  }

  public boolean isEnabled() {
    return enabled;
  }

  /** Whether to measure at all; off, no meter is made or updated. */
  public SlackerMetricsOptions setEnabled(boolean enabled) {
    this.enabled = enabled;
    return this;
  }

  public boolean isHistogram() {
    return histogram;
  }

  /** Whether call durations publish a histogram that a backend aggregates into percentiles (Prometheus' {@code _bucket}s). */
  public SlackerMetricsOptions setHistogram(boolean histogram) {
    this.histogram = histogram;
    return this;
  }

  public List<Double> getPercentiles() {
    return percentiles;
  }

  /** Percentiles computed in the process, e.g. 0.5, 0.99: each in (0, 1); they cannot be aggregated across processes. */
  public SlackerMetricsOptions setPercentiles(List<Double> percentiles) {
    for (Double percentile : percentiles) {
      if (percentile == null || !(percentile > 0 && percentile < 1)) {
        throw new IllegalArgumentException("percentiles must each be in (0, 1), got " + percentile);
      }
    }
    this.percentiles = List.copyOf(percentiles);
    return this;
  }

  public List<Long> getSloMillis() {
    return sloMillis;
  }

  /** Service-level boundaries of call durations, in milliseconds, each positive: counted as histogram buckets. */
  public SlackerMetricsOptions setSloMillis(List<Long> sloMillis) {
    for (Long slo : sloMillis) {
      if (slo == null || slo <= 0) {
        throw new IllegalArgumentException("sloMillis must each be positive, got " + slo);
      }
    }
    this.sloMillis = List.copyOf(sloMillis);
    return this;
  }
}
