package io.slacker.impl.serialization;

import com.fasterxml.jackson.core.StreamReadConstraints;
import io.slacker.SlackerServerOptions;

/**
 * The limits every format's parser applies to a payload, whoever sent it. Memory is bounded by
 * the frame size and the server's budgets already; these bound what a small payload can cost in
 * stack (nesting) and CPU (number length). Text and document sizes follow the frame size, with
 * room for peers that raised it to the former default of 16 MiB.
 */
final class PayloadReadConstraints {

  static final int MAX_NESTING_DEPTH = 256;
  /** Digits of one number: parsing a long number into a BigDecimal is superlinear. */
  static final int MAX_NUMBER_LENGTH = 1_000;
  static final int MAX_DOCUMENT_LENGTH = 4 * SlackerServerOptions.DEFAULT_MAX_FRAME_SIZE;
  /** In characters: a string of UTF-8 has no more characters than bytes. */
  static final int MAX_STRING_LENGTH = MAX_DOCUMENT_LENGTH;
  static final int MAX_NAME_LENGTH = 64 * 1024;

  static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
      .maxNestingDepth(MAX_NESTING_DEPTH)
      .maxNumberLength(MAX_NUMBER_LENGTH)
      .maxDocumentLength(MAX_DOCUMENT_LENGTH)
      .maxStringLength(MAX_STRING_LENGTH)
      .maxNameLength(MAX_NAME_LENGTH)
      .build();

  private PayloadReadConstraints() {
  }
}
