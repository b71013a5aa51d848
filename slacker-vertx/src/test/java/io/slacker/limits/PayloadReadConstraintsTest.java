package io.slacker.limits;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.smile.SmileFactory;
import io.slacker.test.EchoServerTestBase;
import io.slacker.test.RawConnection;
import io.slacker.test.RawConnection.ReadFrame;
import io.slacker.test.RawFrames;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every format refuses a payload nested deeper than the limit with BAD_REQUEST, even inside a
 * property the declared type ignores, and the connection goes on.
 */
class PayloadReadConstraintsTest extends EchoServerTestBase {

  private static final int SMILE = 2;
  private static final int CBOR = 3;

  /** {@code [{"id":1,"name":"n","tags":[],"extra":[[[...]]]}, "new"]} for rename(User, String). */
  private static byte[] renameWithNesting(JsonFactory factory, int depth) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator out = factory.createGenerator(bytes)) {
      out.writeStartArray();
      out.writeStartObject();
      out.writeNumberField("id", 1);
      out.writeStringField("name", "n");
      out.writeArrayFieldStart("tags");
      out.writeEndArray();
      out.writeFieldName("extra");
      for (int i = 0; i < depth; i++) {
        out.writeStartArray();
      }
      for (int i = 0; i < depth; i++) {
        out.writeEndArray();
      }
      out.writeEndObject();
      out.writeString("new");
      out.writeEndArray();
    }
    return bytes.toByteArray();
  }

  private ReadFrame rename(int serialization, byte[] args) throws IOException {
    try (RawConnection connection = new RawConnection(port)) {
      connection.send(RawFrames.request(1, serialization, 5000, "test.Echo",
          "rename(io.slacker.test.EchoServices$User,java.lang.String)", args));
      return connection.read();
    }
  }

  @Test
  void nestingBeyondTheLimitIsABadRequestInEveryFormat() throws Exception {
    JsonFactory[] factories = {new JsonFactory(), new SmileFactory(), new CBORFactory()};
    int[] ids = {RawFrames.JSON, SMILE, CBOR};
    for (int i = 0; i < ids.length; i++) {
      ReadFrame within = rename(ids[i], renameWithNesting(factories[i], 200));
      assertEquals(RawFrames.RESPONSE, within.type(), within::errorMessage);
      ReadFrame beyond = rename(ids[i], renameWithNesting(factories[i], 300));
      assertEquals(RawFrames.ERROR, beyond.type());
      assertEquals(RawFrames.BAD_REQUEST, beyond.errorCode(), beyond::errorMessage);
      assertTrue(beyond.errorMessage().contains("nesting depth"), beyond.errorMessage());
    }
    assertServerStillServes();
  }
}
