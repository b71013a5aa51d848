package io.slacker.chaos;

import io.slacker.ServerCall;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Supplier;

/**
 * A server's record of what it ran. Each line is written to the kernel before the method answers,
 * unbuffered: a SIGKILL right after must not lose the proof that the call ran. A write to the
 * page cache takes microseconds, which the event loop can afford for a test tool.
 */
final class ExecutionLog {

  static final String CALL_ID = "chaos-call";

  private final FileChannel channel;
  private final String incarnation;
  private final Supplier<String> address;

  ExecutionLog(Path file, String incarnation, Supplier<String> address) {
    try {
      this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.incarnation = incarnation;
    this.address = address;
  }

  /** Records the call running now on this thread; @return who ran it, the service's answer. */
  String executed(String method) {
    ServerCall call = ServerCall.current();
    String callId = call.metadata().get(CALL_ID);
    write(new Execution(Execution.EXEC, callId == null ? "-" : callId, method, address.get(), incarnation,
        call.leaderTerm(), System.currentTimeMillis(), System.nanoTime()));
    return address.get() + "/" + incarnation;
  }

  void leads(String service, long term) {
    write(new Execution(Execution.LEAD, "-", service, address.get(), incarnation, term,
        System.currentTimeMillis(), System.nanoTime()));
  }

  private synchronized void write(Execution execution) {
    try {
      channel.write(ByteBuffer.wrap(execution.line().getBytes(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
