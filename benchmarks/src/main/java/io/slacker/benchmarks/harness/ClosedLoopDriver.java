package io.slacker.benchmarks.harness;

import io.slacker.benchmarks.workload.Operation;
import io.vertx.core.json.JsonObject;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps a fixed number of calls in flight: each completion records its latency and issues the
 * next call at once. Calls cycle through the four operations; one round in {@link #CHECK_EVERY}
 * has its responses checked for content.
 */
public final class ClosedLoopDriver {

  private static final int OPERATIONS = Operation.values().length;
  private static final int CHECK_EVERY = 16;
  private static final long DRAIN_TIMEOUT_MILLIS = 15_000;
  /** Past this many failures a level stops early instead of spinning on a broken system. */
  private static final long MAX_FAILURES = 1_000;

  private final WorkloadClient client;
  private final Recorder[] latencies = new Recorder[OPERATIONS];
  private final AtomicLong sequence = new AtomicLong();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicLong failures = new AtomicLong();
  private final AtomicLong checks = new AtomicLong();
  private final AtomicLong mismatches = new AtomicLong();
  private final AtomicReference<String> firstProblem = new AtomicReference<>();
  private volatile boolean running;

  public ClosedLoopDriver(WorkloadClient client) {
    this.client = client;
    for (int i = 0; i < OPERATIONS; i++) {
      latencies[i] = new Recorder(TimeUnit.SECONDS.toNanos(60), 3);
    }
  }

  /** Runs load with {@code calls} in flight for {@code millis}, and stops it; nothing is measured. */
  public void warmUp(int calls, long millis) throws InterruptedException {
    start(calls);
    sleepUnlessBroken(millis);
    stop();
  }

  /**
   * Warms up, then measures for {@code measureMillis}.
   *
   * @param onMeasureStart runs when the measured window opens, so the server can be sampled then
   */
  public JsonObject measure(int calls, long warmupMillis, long measureMillis, Runnable onMeasureStart)
      throws InterruptedException {
    start(calls);
    sleepUnlessBroken(warmupMillis);
    for (Recorder recorder : latencies) {
      recorder.getIntervalHistogram();
    }
    long failuresBefore = failures.get();
    long checksBefore = checks.get();
    onMeasureStart.run();
    ProcessCounters.Snapshot before = ProcessCounters.snapshot();
    long startNanos = System.nanoTime();
    sleepUnlessBroken(measureMillis);
    Histogram[] perOperation = new Histogram[OPERATIONS];
    for (int i = 0; i < OPERATIONS; i++) {
      perOperation[i] = latencies[i].getIntervalHistogram();
    }
    long elapsedNanos = System.nanoTime() - startNanos;
    ProcessCounters.Snapshot after = ProcessCounters.snapshot();
    stop();
    return LevelReport.of(calls, elapsedNanos, perOperation, before, after,
        failures.get() - failuresBefore, checks.get() - checksBefore);
  }

  /** @return content checks that failed so far, with the first problem seen */
  public long mismatches() {
    return mismatches.get();
  }

  public String firstProblem() {
    return firstProblem.get();
  }

  private void start(int calls) {
    running = true;
    for (int i = 0; i < calls; i++) {
      inFlight.incrementAndGet();
      issue();
    }
  }

  private void issue() {
    long seq = sequence.getAndIncrement();
    Operation operation = Operation.ofIndex((int) (seq % OPERATIONS));
    long round = seq / OPERATIONS;
    int key = (int) (round % Operation.KEY_COUNT);
    boolean check = round % CHECK_EVERY == 0;
    long startNanos = System.nanoTime();
    try {
      client.call(operation, key, (response, failure) -> {
        latencies[operation.ordinal()].recordValue(Math.min(System.nanoTime() - startNanos, TimeUnit.SECONDS.toNanos(60)));
        if (failure != null) {
          noteFailure(operation, failure);
        } else if (check) {
          verify(operation, key, response);
        }
        next();
      });
    } catch (RuntimeException e) {
      noteFailure(operation, e);
      next();
    }
  }

  private void next() {
    if (running && failures.get() < MAX_FAILURES) {
      issue();
    } else {
      inFlight.decrementAndGet();
    }
  }

  private void verify(Operation operation, int key, Object response) {
    checks.incrementAndGet();
    boolean correct;
    try {
      correct = client.isCorrect(operation, key, response);
    } catch (RuntimeException e) {
      correct = false;
    }
    if (!correct) {
      mismatches.incrementAndGet();
      firstProblem.compareAndSet(null, operation.methodName() + "(" + key + ") answered " + response);
    }
  }

  private void noteFailure(Operation operation, Throwable failure) {
    failures.incrementAndGet();
    firstProblem.compareAndSet(null, operation.methodName() + " failed: " + failure);
  }

  private void sleepUnlessBroken(long millis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + millis;
    while (System.currentTimeMillis() < deadline && failures.get() < MAX_FAILURES) {
      Thread.sleep(Math.min(50, Math.max(1, deadline - System.currentTimeMillis())));
    }
  }

  /** Lets the calls in flight finish, so the next level starts from an idle connection. */
  private void stop() throws InterruptedException {
    running = false;
    long deadline = System.currentTimeMillis() + DRAIN_TIMEOUT_MILLIS;
    while (inFlight.get() > 0) {
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException(inFlight.get() + " calls still in flight " + DRAIN_TIMEOUT_MILLIS + " ms after stopping");
      }
      Thread.sleep(5);
    }
  }
}
