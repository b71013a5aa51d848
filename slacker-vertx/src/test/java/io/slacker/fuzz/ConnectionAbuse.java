package io.slacker.fuzz;

import io.slacker.SlackerServerOptions;
import io.slacker.test.EchoServices;
import io.slacker.test.RawConnection;
import io.slacker.test.RawConnection.ReadFrame;
import io.slacker.test.RawFrames;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The connection abuse of the long run, after docs/security.md: many connections, slow writers,
 * half-closes and resets, then the cases that need the server's memory budgets (many partial
 * frames, large metadata held by calls in flight, large valid payloads). Each case ends by
 * itself; the run checks the server after each.
 */
final class ConnectionAbuse {

  /** One case: its name and what it does. */
  record Case(String name, Action action) {
  }

  @FunctionalInterface
  interface Action {
    /** @return a one-line account of what happened */
    String run(int port) throws Exception;
  }

  private static final String ECHO = "echo(java.lang.String)";
  /** The attacks use the largest frame a default server takes. */
  private static final int FRAME = SlackerServerOptions.DEFAULT_MAX_FRAME_SIZE;

  private ConnectionAbuse() {
  }

  static List<Case> cases() {
    return List.of(
        new Case("1,000 connections open at once, each served", ConnectionAbuse::manyConnections),
        new Case("100 slow writers (a byte every 20 ms) while others are served", ConnectionAbuse::slowWriters),
        new Case("200 connections half-closed or reset with calls in flight", ConnectionAbuse::halfClosesAndResets),
        new Case("20 partial frames of the maximum frame size - 1 KiB, left unfinished", ConnectionAbuse::partialFrames),
        new Case("8,000 calls in flight with 32 KiB of metadata each", ConnectionAbuse::largeMetadata),
        new Case("6 valid requests of the maximum frame size at once", ConnectionAbuse::largeValidPayloads));
  }

  private static String manyConnections(int port) throws Exception {
    List<RawConnection> open = new ArrayList<>();
    try {
      for (int i = 0; i < 1_000; i++) {
        RawConnection raw = new RawConnection(port);
        open.add(raw);
        raw.send(RawFrames.concat(RawFrames.hello(), echo(1, "connection " + i)));
        expect(raw.read(), RawFrames.HELLO);
        expect(raw.read(), RawFrames.RESPONSE);
      }
      return open.size() + " connections served and held open";
    } finally {
      for (RawConnection raw : open) {
        raw.close();
      }
    }
  }

  private static String slowWriters(int port) throws Exception {
    List<RawConnection> slow = new ArrayList<>();
    byte[] request = echo(1, "slow");
    try {
      for (int i = 0; i < 100; i++) {
        slow.add(new RawConnection(port));
      }
      int served = 0;
      try (RawConnection other = new RawConnection(port)) {
        for (int at = 0; at < request.length; at++) {
          for (RawConnection raw : slow) {
            raw.send(new byte[]{request[at]});
          }
          other.send(echo(at + 1, "meanwhile"));
          expect(other.read(), RawFrames.RESPONSE);
          served++;
          Thread.sleep(20);
        }
      }
      for (RawConnection raw : slow) {
        expect(raw.read(), RawFrames.RESPONSE);
      }
      return "100 slow requests answered, " + served + " calls served meanwhile";
    } finally {
      for (RawConnection raw : slow) {
        raw.close();
      }
    }
  }

  private static String halfClosesAndResets(int port) throws Exception {
    int answered = 0;
    for (int i = 0; i < 200; i++) {
      try (Socket socket = new Socket("127.0.0.1", port)) {
        socket.setSoTimeout(10_000);
        socket.getOutputStream().write(RawFrames.concat(echo(1, "a"), echo(2, "b"),
            RawFrames.request(3, RawFrames.JSON, 100, EchoServices.NAME, "never()", RawFrames.json("[]"))));
        if (i % 2 == 0) {
          socket.shutdownOutput();
          // Both echoes and the deadline of never() are answered, then the server closes.
          byte[] all = socket.getInputStream().readAllBytes();
          answered += countFrames(all);
        } else {
          socket.setSoLinger(true, 0);
        }
      }
    }
    return answered + " answers after 100 half-closes (3 expected each), 100 resets";
  }

  private static String partialFrames(int port) throws Exception {
    List<Socket> sockets = new ArrayList<>();
    try {
      byte[] chunk = new byte[64 * 1024];
      for (int i = 0; i < 20; i++) {
        Socket socket = new Socket("127.0.0.1", port);
        sockets.add(socket);
        OutputStream out = socket.getOutputStream();
        int length = FRAME;
        out.write(new byte[]{(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length,
            (byte) RawFrames.MAGIC, RawFrames.VERSION, RawFrames.REQUEST, 0, RawFrames.JSON, 0, 0, 0, 1});
        for (int sent = 9; sent < length - 1024; sent += chunk.length) {
          out.write(chunk, 0, Math.min(chunk.length, length - 1024 - sent));
        }
      }
      return "20 connections each hold " + (FRAME - 1024) + " bytes of an unfinished frame";
    } finally {
      for (Socket socket : sockets) {
        socket.close();
      }
    }
  }

  private static String largeMetadata(int port) throws Exception {
    byte[] value = new byte[32 * 1024];
    int accepted = 0;
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      for (int callId = 1; callId <= 8_000; callId++) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(body);
        data.writeInt(0);
        data.writeInt(EchoServices.NEVER.serviceId());
        data.writeInt(EchoServices.NEVER.methodId());
        data.writeShort(1);
        data.writeShort(1);
        data.write('k');
        data.writeInt(value.length);
        data.write(value);
        data.write(RawFrames.json("[]"));
        out.write(RawFrames.frame(RawFrames.REQUEST, RawFrames.FLAG_METADATA, RawFrames.JSON, callId, body.toByteArray()));
        accepted++;
      }
      out.write(RawFrames.frame(RawFrames.PING, 0, 0, 1, new byte[0]));
      // The pong comes after every request was read, whatever each was answered.
      try {
        while (true) {
          ReadFrame frame = read(socket);
          if (frame.type() == RawFrames.PONG) {
            break;
          }
        }
      } catch (IOException e) {
        return accepted + " requests written, then the connection failed: " + e;
      }
      return accepted + " calls with 32 KiB of metadata sent, the ping behind them answered";
    }
  }

  private static String largeValidPayloads(int port) throws Exception {
    StringBuilder list = new StringBuilder(FRAME).append('[');
    for (int i = 0; list.length() < FRAME - 64; i++) {
      list.append(i % 10).append(',');
    }
    list.setCharAt(list.length() - 1, ']');
    byte[] args = ("[" + list + "]").getBytes(StandardCharsets.US_ASCII);
    byte[] request = RawFrames.frame(RawFrames.REQUEST, 0, RawFrames.JSON, 1, RawFrames.concat(new byte[]{0, 0, 0, 0},
        intBytes(FuzzServices.SIZE.serviceId()), intBytes(FuzzServices.SIZE.methodId()), args));
    ExecutorService callers = Executors.newFixedThreadPool(6);
    try {
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        answers.add(callers.submit(() -> {
          try (RawConnection raw = new RawConnection(port)) {
            raw.setReadTimeout(120_000);
            raw.send(request);
            return raw.read().type();
          }
        }));
      }
      List<Integer> types = new ArrayList<>();
      for (Future<Integer> answer : answers) {
        try {
          types.add(answer.get(3, TimeUnit.MINUTES));
        } catch (Exception e) {
          types.add(-1);
        }
      }
      if (types.contains(-1)) {
        throw new AssertionError("not every caller got an answer (frame types, -1 = none): " + types);
      }
      return "6 requests of " + request.length / (1024 * 1024) + " MiB answered with frame types " + types;
    } finally {
      callers.shutdownNow();
    }
  }

  private static byte[] echo(int callId, String text) {
    return RawFrames.request(callId, RawFrames.JSON, 10_000, EchoServices.NAME, ECHO, RawFrames.json("[\"" + text + "\"]"));
  }

  private static void expect(ReadFrame frame, int type) {
    if (frame.type() != type) {
      throw new AssertionError("expected frame type " + type + ", got " + frame.type()
          + (frame.type() == RawFrames.ERROR ? ": " + frame.errorMessage() : ""));
    }
  }

  private static ReadFrame read(Socket socket) throws IOException {
    java.io.DataInputStream in = new java.io.DataInputStream(socket.getInputStream());
    int length = in.readInt();
    byte[] frame = new byte[length];
    in.readFully(frame);
    return new ReadFrame(frame[0] & 0xFF, frame[1], frame[2], frame[3], frame[4],
        ((frame[5] & 0xFF) << 24) | ((frame[6] & 0xFF) << 16) | ((frame[7] & 0xFF) << 8) | (frame[8] & 0xFF),
        Arrays.copyOfRange(frame, 9, frame.length));
  }

  private static int countFrames(byte[] stream) {
    int count = 0;
    for (int at = 0; at + 4 <= stream.length; count++) {
      at += 4 + (((stream[at] & 0xFF) << 24) | ((stream[at + 1] & 0xFF) << 16) | ((stream[at + 2] & 0xFF) << 8) | (stream[at + 3] & 0xFF));
    }
    return count;
  }

  private static byte[] intBytes(int value) {
    return new byte[]{(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
  }
}
