package io.slacker.cli;

/** How a command prints what it found: for people, or for scripts. */
enum OutputFormat {
  /** Aligned columns (pretty JSON for call results). */
  table,
  /** JSON, one document per line. */
  json
}
