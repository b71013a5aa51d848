package io.slacker.testing;

import java.util.Base64;

/** PEM text: base64 in lines of 64 characters between BEGIN and END lines. */
final class Pem {

  private Pem() {
  }

  static String encode(String label, byte[] der) {
    String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
    return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
  }
}
