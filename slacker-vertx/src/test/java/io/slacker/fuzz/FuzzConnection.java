package io.slacker.fuzz;

import io.slacker.impl.Utf8Validator;
import io.slacker.test.RawFrames;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.ArrayDeque;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One fuzzing connection: frames go out as they are given, and a reader thread checks every
 * frame the server sends against docs/protocol.md, whatever was sent to it. The server may close
 * the connection at any time (a protocol error does); {@link #open()} then says so.
 */
final class FuzzConnection implements AutoCloseable {

  /** The largest frame a fuzzer's HELLO accepts; the server's own default limit. */
  static final int MAX_FRAME = 16 * 1024 * 1024;
  private static final int RECENT = 8;

  private final Socket socket;
  private final OutputStream out;
  private final Thread reader;
  private final FuzzStats stats;
  private final List<String> violations;
  private final ArrayDeque<byte[]> recent = new ArrayDeque<>();
  private volatile boolean open = true;

  /** @param violations where breaches of the protocol by the server are reported, with the frames that led to them */
  FuzzConnection(int port, FuzzStats stats, List<String> violations) throws IOException {
    this.stats = stats;
    this.violations = violations;
    socket = new Socket("127.0.0.1", port);
    socket.setTcpNoDelay(true);
    socket.setSoTimeout(60_000);
    out = socket.getOutputStream();
    stats.connections.increment();
    reader = new Thread(this::read, "fuzz-reader");
    reader.setDaemon(true);
    reader.start();
  }

  boolean open() {
    return open;
  }

  /** @return false when the server has closed the connection (the frame may be lost) */
  boolean send(byte[] frame) {
    synchronized (recent) {
      if (recent.size() == RECENT) {
        recent.removeFirst();
      }
      recent.addLast(frame);
    }
    try {
      out.write(frame);
      return true;
    } catch (IOException e) {
      open = false;
      return false;
    }
  }

  /** Sends FIN and keeps reading what the server still answers. */
  void halfClose() {
    try {
      socket.shutdownOutput();
    } catch (IOException e) {
      open = false;
    }
  }

  /** Resets the connection (RST) instead of closing it. */
  void reset() {
    try {
      socket.setSoLinger(true, 0);
    } catch (IOException e) {
      // Already gone.
    }
    close();
  }

  /** Waits up to {@code millis} for the server to close the connection. */
  boolean awaitClosedByServer(long millis) throws InterruptedException {
    reader.join(millis);
    return !reader.isAlive();
  }

  @Override
  public void close() {
    open = false;
    try {
      socket.close();
    } catch (IOException e) {
      // Nothing to release.
    }
  }

  private void read() {
    try {
      DataInputStream in = new DataInputStream(socket.getInputStream());
      boolean connectionError = false;
      while (true) {
        long length = in.readInt() & 0xFFFFFFFFL;
        if (connectionError) {
          violation("a frame followed the server's connection error (ERROR on call id 0)", null);
          return;
        }
        if (length < 9 || length > MAX_FRAME) {
          violation("a frame length of " + length, null);
          return;
        }
        byte[] frame = new byte[(int) length];
        in.readFully(frame);
        String problem = ServerFrames.check(frame);
        if (problem != null) {
          violation(problem, frame);
          return;
        }
        int type = frame[2] & 0xFF;
        int callId = ((frame[5] & 0xFF) << 24) | ((frame[6] & 0xFF) << 16) | ((frame[7] & 0xFF) << 8) | (frame[8] & 0xFF);
        int code = type == RawFrames.ERROR ? ((frame[9] & 0xFF) << 8) | (frame[10] & 0xFF) : 0;
        stats.received(type, code, callId);
        connectionError = type == RawFrames.ERROR && callId == 0;
      }
    } catch (EOFException | java.net.SocketException e) {
      if (open) {
        stats.closedByServer.increment();
      }
    } catch (IOException e) {
      violation("reading failed: " + e, null);
    } finally {
      open = false;
    }
  }

  private void violation(String problem, byte[] frame) {
    StringBuilder report = new StringBuilder("server broke the protocol: ").append(problem);
    if (frame != null) {
      report.append("\n  server frame: ").append(HexFormat.of().formatHex(frame));
    }
    synchronized (recent) {
      report.append("\n  last frames sent on that connection, oldest first:");
      for (byte[] sent : recent) {
        report.append("\n    ").append(HexFormat.of().formatHex(sent));
      }
    }
    violations.add(report.toString());
  }

  /** The checks of one server frame (its bytes after the length field). */
  static final class ServerFrames {

    private ServerFrames() {
    }

    /** @return what is wrong with the frame, or {@code null} */
    static String check(byte[] frame) {
      if ((frame[0] & 0xFF) != RawFrames.MAGIC || frame[1] != RawFrames.VERSION) {
        return "bad magic or version";
      }
      int type = frame[2] & 0xFF;
      int flags = frame[3] & 0xFF;
      int serialization = frame[4] & 0xFF;
      int callId = ((frame[5] & 0xFF) << 24) | ((frame[6] & 0xFF) << 16) | ((frame[7] & 0xFF) << 8) | (frame[8] & 0xFF);
      if (flags != 0) {
        return "flags " + flags + " on a server frame";
      }
      return switch (type) {
        case RawFrames.RESPONSE -> callId == 0 ? "RESPONSE on call id 0"
            : serialization < 1 || serialization > 3 ? "RESPONSE in serialization " + serialization : null;
        case RawFrames.ERROR -> serialization != 0 ? "ERROR with a serialization id" : errorBody(frame);
        case RawFrames.PONG -> serialization != 0 || frame.length != 9 ? "PONG with a payload" : null;
        case RawFrames.HELLO -> callId != 0 || serialization != 0 ? "HELLO not on call id 0" : hello(frame);
        case RawFrames.GOAWAY -> callId != 0 ? "GOAWAY not on call id 0" : null;
        default -> "server sent frame type " + type;
      };
    }

    private static String errorBody(byte[] frame) {
      if (frame.length < 9 + 2 + 2) {
        return "ERROR body cut short";
      }
      int code = ((frame[9] & 0xFF) << 8) | (frame[10] & 0xFF);
      if (code < 1 || code > 15) {
        return "ERROR code " + code;
      }
      int at = 11;
      for (String field : new String[]{"message", "remote class"}) {
        if (at + 2 > frame.length) {
          return "ERROR ends inside its " + field;
        }
        int length = ((frame[at] & 0xFF) << 8) | (frame[at + 1] & 0xFF);
        if (at + 2 + length > frame.length) {
          return "ERROR " + field + " longer than the frame";
        }
        if (Utf8Validator.firstInvalid(frame, at + 2, at + 2 + length) >= 0) {
          return "ERROR " + field + " is not UTF-8";
        }
        at += 2 + length;
      }
      return null;
    }

    private static String hello(byte[] frame) {
      if (frame.length < 9 + 4 + 1) {
        return "HELLO cut short";
      }
      long max = ((frame[9] & 0xFFL) << 24) | ((frame[10] & 0xFF) << 16) | ((frame[11] & 0xFF) << 8) | (frame[12] & 0xFF);
      return max < 9 ? "HELLO with a frame limit of " + max : null;
    }
  }
}
