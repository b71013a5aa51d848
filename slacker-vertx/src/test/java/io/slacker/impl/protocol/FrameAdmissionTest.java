package io.slacker.impl.protocol;

import io.slacker.SlackerException;
import io.slacker.test.RawFrames;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The decoder asks before it stores a frame's body, skips what is refused, and keeps the framing. */
class FrameAdmissionTest {

  private final List<Frame> frames = new ArrayList<>();
  private final List<SlackerException> errors = new ArrayList<>();
  private final List<String> asked = new ArrayList<>();

  private FrameDecoder decoder(long largestAdmitted) {
    return new FrameDecoder(1024, (type, flags, callId, length) -> {
      asked.add(type + "/" + flags + "/" + callId + "/" + length);
      return length <= largestAdmitted;
    }, frames::add, errors::add, null, backlogged -> {
      throw new AssertionError("no backlog expected");
    });
  }

  @Test
  void aRefusedBodyIsSkippedEvenWhenItArrivesOneByteAtATime() {
    FrameDecoder decoder = decoder(100);
    byte[] stream = RawFrames.concat(
        RawFrames.frame(RawFrames.REQUEST, 0, RawFrames.JSON, 1, new byte[10]),
        RawFrames.frame(RawFrames.REQUEST, RawFrames.FLAG_ONE_WAY, RawFrames.JSON, 2, new byte[500]),
        RawFrames.frame(RawFrames.PING, 0, 0, 3, new byte[0]));
    for (byte b : stream) {
      decoder.handle(Buffer.buffer(new byte[]{b}));
    }
    assertEquals(List.of("1/0/1/19", "1/4/2/509", "4/0/3/9"), asked);
    assertEquals(2, frames.size());
    assertEquals(1, frames.get(0).callId());
    assertEquals(19, frames.get(0).end());
    assertEquals(3, frames.get(1).callId());
    assertEquals(List.of(), errors);
    assertFalse(decoder.waitingForPeer());
    assertEquals(3, decoder.framesStarted());
  }

  @Test
  void aPartialFrameIsWaitingForThePeerAndTheLengthIsCheckedBeforeTheHeaderArrives() {
    FrameDecoder decoder = decoder(1024);
    byte[] request = RawFrames.frame(RawFrames.REQUEST, 0, RawFrames.JSON, 1, new byte[50]);
    decoder.handle(Buffer.buffer(request).slice(0, 20));
    assertTrue(decoder.waitingForPeer());
    assertEquals(List.of("1/0/1/59"), asked);

    FrameDecoder tooLong = decoder(1024);
    tooLong.handle(Buffer.buffer().appendInt(1025));
    assertEquals(1, errors.size());
    assertEquals("frame of 1025 bytes exceeds the maximum frame size of 1024 bytes", errors.get(0).getMessage());
    assertEquals(1, asked.size(), "the admission was not asked about the frame that was too long");
  }
}
