package io.slacker.web.impl;

import io.slacker.ConnectionLostException;
import io.slacker.NotSentException;
import io.slacker.SlackerException;
import io.slacker.StatusCode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The failures the HTTP tests cannot provoke on demand: a call not sent, a connection lost under a call. */
class HttpStatusesTest {

  @Test
  void aCallThatNeverLeftIs503WhateverItsCode() {
    assertEquals(503, HttpStatuses.of(new NotSentException(StatusCode.UNAVAILABLE, "cannot connect", true, null)));
    // The gateway's own client is full: the upstream is unavailable to this caller, not refusing it.
    assertEquals(503, HttpStatuses.of(new NotSentException(StatusCode.OVERLOADED, "write queue full", false, null)));
  }

  @Test
  void aConnectionLostUnderTheCallIs503() {
    assertEquals(503, HttpStatuses.of(new ConnectionLostException(new SlackerException(StatusCode.UNAVAILABLE, "closed"))));
  }
}
