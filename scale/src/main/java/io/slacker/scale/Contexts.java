package io.slacker.scale;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** A few event-loop contexts of one Vert.x, one per deployed (empty) verticle, to spread simulated processes over. */
final class Contexts {

  private final List<Context> contexts = new ArrayList<>();

  Contexts(Vertx vertx, int count) throws Exception {
    for (int i = 0; i < count; i++) {
      CompletableFuture<Context> started = new CompletableFuture<>();
      vertx.deployVerticle(new AbstractVerticle() {
        @Override
        public void start() {
          started.complete(context);
        }
      });
      contexts.add(started.get(30, TimeUnit.SECONDS));
    }
  }

  Context get(int index) {
    return contexts.get(Math.floorMod(index, contexts.size()));
  }

  /** Runs {@code action} on {@code context}; the result completes off the event loop. */
  static <T> CompletableFuture<T> on(Context context, Supplier<Future<T>> action) {
    CompletableFuture<T> result = new CompletableFuture<>();
    context.runOnContext(v -> {
      try {
        action.get().onComplete(ar -> {
          if (ar.succeeded()) {
            result.complete(ar.result());
          } else {
            result.completeExceptionally(ar.cause());
          }
        });
      } catch (Throwable e) {
        result.completeExceptionally(e);
      }
    });
    return result;
  }
}
