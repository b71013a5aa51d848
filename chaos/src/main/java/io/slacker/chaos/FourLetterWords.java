package io.slacker.chaos;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** ZooKeeper's four-letter words (srvr, mntr, wchs, cons), asked over a plain socket on 127.0.0.1. */
public final class FourLetterWords {

  private FourLetterWords() {
  }

  /** @return the whole answer to {@code word}, {@code null} when the server does not answer within a second */
  public static String ask(int port, String word) {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(1_000);
      socket.getOutputStream().write(word.getBytes(StandardCharsets.US_ASCII));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      return null;
    }
  }
}
