package io.slacker.cli;

import picocli.CommandLine.Help.Ansi;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Rows printed in aligned columns under a header, the header in bold on a terminal. */
final class Table {

  private static final String GAP = "  ";

  private final String[] header;
  private final List<String[]> rows = new ArrayList<>();

  Table(String... header) {
    this.header = header;
  }

  /** Adds a row; {@code null} cells print as {@code -}. */
  Table row(Object... cells) {
    if (cells.length != header.length) {
      throw new IllegalArgumentException("a row of " + cells.length + " cells in a table of " + header.length + " columns");
    }
    String[] row = new String[cells.length];
    for (int i = 0; i < cells.length; i++) {
      row[i] = cells[i] == null ? "-" : String.valueOf(cells[i]);
    }
    rows.add(row);
    return this;
  }

  void print(PrintWriter out) {
    int[] widths = new int[header.length];
    for (int i = 0; i < header.length; i++) {
      widths[i] = header[i].length();
      for (String[] row : rows) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    // Padding is computed on the plain text, then the header is wrapped in escape codes.
    String headerLine = line(header, widths);
    out.println(Ansi.AUTO.enabled() ? Ansi.AUTO.string("@|bold " + headerLine + "|@") : headerLine);
    for (String[] row : rows) {
      out.println(line(row, widths));
    }
    out.flush();
  }

  private static String line(String[] cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        line.append(GAP);
      }
      line.append(cells[i]);
      if (i < cells.length - 1) {
        line.append(" ".repeat(widths[i] - cells[i].length()));
      }
    }
    return line.toString();
  }
}
