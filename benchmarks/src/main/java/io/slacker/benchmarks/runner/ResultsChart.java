package io.slacker.benchmarks.runner;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Locale;
import java.util.Map;

/**
 * Draws chart.svg: for each concurrency level, throughput (top row, linear) and p99 latency
 * (bottom row, logarithmic from 10 us, so one slow system does not flatten the others) of every
 * system as bars, each panel scaled to its own largest value.
 */
final class ResultsChart {

  /** One color per system, the same in every run. */
  private static final Map<String, String> COLORS = Map.of(
      "floor", "#9e9e9e",
      "slacker-json", "#6baed6",
      "slacker-binary", "#08519c",
      "slacker-smile", "#9ecae1",
      "slacker-cbor", "#17becf",
      "vertx-service-proxy", "#2ca02c",
      "grpc-java", "#ff7f0e",
      "dubbo", "#d62728");
  private static final int PANEL_WIDTH = 300;
  private static final int PANEL_HEIGHT = 220;
  private static final int TOP = 60;
  private static final int LEFT = 20;
  private static final int BAR_AREA = 150;
  private static final double LOG_SCALE_FLOOR = 10;

  private ResultsChart() {
  }

  static String svg(JsonObject results) {
    JsonArray systems = results.getJsonArray("systems");
    JsonArray levels = results.getJsonObject("plan").getJsonArray("levels");
    int width = LEFT * 2 + PANEL_WIDTH * levels.size();
    int height = TOP + PANEL_HEIGHT * 2 + 30 + 20 * systems.size();
    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"11\">%n", width, height));
    svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"24\" font-size=\"15\" font-weight=\"bold\">Calls per second (higher is better) and p99 latency in us (lower is better): %s run</text>%n",
        LEFT, results.getJsonObject("plan").getString("mode")));
    for (int column = 0; column < levels.size(); column++) {
      int inFlight = levels.getInteger(column);
      int x = LEFT + column * PANEL_WIDTH;
      panel(svg, systems, inFlight, x, TOP, inFlight + " in flight: calls/s", "callsPerSecond");
      panel(svg, systems, inFlight, x, TOP + PANEL_HEIGHT, inFlight + " in flight: p99 us (log scale)", "p99");
    }
    int legendY = TOP + PANEL_HEIGHT * 2 + 20;
    for (int i = 0; i < systems.size(); i++) {
      svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/><text x=\"%d\" y=\"%d\">%s</text>%n",
          LEFT, legendY + 20 * i, color(systems.getJsonObject(i)), LEFT + 18, legendY + 20 * i + 10,
          escape(systems.getJsonObject(i).getString("system") + ": " + systems.getJsonObject(i).getString("description"))));
    }
    return svg.append("</svg>\n").toString();
  }

  private static void panel(StringBuilder svg, JsonArray systems, int inFlight, int x, int y, String title, String metric) {
    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-weight=\"bold\">%s</text>%n", x + 10, y, escape(title)));
    double[] values = new double[systems.size()];
    boolean[] missing = new boolean[systems.size()];
    double largest = 0;
    for (int i = 0; i < systems.size(); i++) {
      JsonObject level = ResultsTable.level(systems, systems.getJsonObject(i).getString("system"), inFlight);
      missing[i] = level == null;
      values[i] = missing[i] ? 0 : metric.equals("p99") ? level.getJsonObject("latency").getDouble("p99") : level.getDouble(metric);
      largest = Math.max(largest, values[i]);
    }
    int baseline = y + 20 + BAR_AREA;
    int barWidth = (PANEL_WIDTH - 40) / Math.max(1, systems.size());
    svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>%n", x + 10, baseline, x + PANEL_WIDTH - 20, baseline));
    for (int i = 0; i < values.length; i++) {
      int barHeight = (int) Math.round(scale(values[i], largest, metric.equals("p99")) * BAR_AREA);
      int barX = x + 14 + i * barWidth;
      svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>%n",
          barX, baseline - barHeight, barWidth - 6, barHeight, color(systems.getJsonObject(i))));
      svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"9\" text-anchor=\"middle\">%s</text>%n",
          barX + (barWidth - 6) / 2, baseline - barHeight - 3, missing[i] ? "failed" : compact(values[i])));
    }
  }

  /** @return the bar's height as a fraction of the panel's */
  private static double scale(double value, double largest, boolean logarithmic) {
    if (largest <= 0 || value <= 0) {
      return 0;
    }
    if (!logarithmic) {
      return value / largest;
    }
    double top = Math.log(Math.max(largest, LOG_SCALE_FLOOR * 10) / LOG_SCALE_FLOOR);
    return Math.max(0.02, Math.log(Math.max(value, LOG_SCALE_FLOOR) / LOG_SCALE_FLOOR) / top);
  }

  private static String color(JsonObject system) {
    return COLORS.getOrDefault(system.getString("system"), "#9467bd");
  }

  private static String compact(double value) {
    if (value >= 10_000) {
      return String.format(Locale.ROOT, "%.0fk", value / 1000);
    }
    if (value >= 1_000) {
      return String.format(Locale.ROOT, "%.1fk", value / 1000);
    }
    return String.format(Locale.ROOT, "%.0f", value);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
