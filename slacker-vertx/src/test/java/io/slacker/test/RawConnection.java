package io.slacker.test;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** A blocking socket that speaks frames as docs/protocol.md lays them out; for tests only. */
public final class RawConnection implements AutoCloseable {

  /** A frame as read off the wire. */
  public record ReadFrame(int magic, int version, int type, int flags, int serialization, int callId, byte[] body) {

    /** §5: the status code of an ERROR frame. */
    public int errorCode() {
      return ((body[0] & 0xFF) << 8) | (body[1] & 0xFF);
    }

    /** §5: the message of an ERROR frame. */
    public String errorMessage() {
      int length = ((body[2] & 0xFF) << 8) | (body[3] & 0xFF);
      return new String(body, 4, length, StandardCharsets.UTF_8);
    }

    public String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;

  public RawConnection(int port) throws IOException {
    socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(5_000);
    socket.setTcpNoDelay(true);
    in = new DataInputStream(socket.getInputStream());
    out = socket.getOutputStream();
  }

  public RawConnection send(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
    return this;
  }

  public ReadFrame read() throws IOException {
    int length = in.readInt();
    int magic = in.readUnsignedByte();
    int version = in.readUnsignedByte();
    int type = in.readUnsignedByte();
    int flags = in.readUnsignedByte();
    int serialization = in.readUnsignedByte();
    int callId = in.readInt();
    byte[] body = new byte[length - 9];
    in.readFully(body);
    return new ReadFrame(magic, version, type, flags, serialization, callId, body);
  }

  /** @return whether the peer closed the connection (rather than sending more or staying silent) */
  public boolean closedByPeer() throws IOException {
    try {
      return in.read() == -1;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (EOFException | java.net.SocketException e) {
      return true;
    }
  }

  /** Half-closes the connection: sends FIN, and can still read. */
  public void shutdownOutput() throws IOException {
    socket.shutdownOutput();
  }

  public void setReadTimeout(int millis) throws IOException {
    socket.setSoTimeout(millis);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
