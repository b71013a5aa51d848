package io.slacker.impl;

import io.vertx.core.Closeable;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;

import java.util.function.Supplier;

/**
 * Ties a resource to the verticle that creates it, as Vert.x ties its own servers and clients:
 * undeploying the verticle closes the resource, and undeploying waits for that close. A resource
 * created outside a verticle is tied to nothing. Closing the resource by hand unties it.
 */
public final class VerticleScope {

  private final ContextInternal owner;
  private final Closeable hook;

  private VerticleScope(ContextInternal owner, Closeable hook) {
    this.owner = owner;
    this.hook = hook;
  }

  /** @param close closes the resource; it is called at most once through this scope */
  public static VerticleScope of(Supplier<Future<Void>> close) {
    ContextInternal caller = (ContextInternal) Vertx.currentContext();
    ContextInternal current = caller == null ? null : caller.unwrap();
    if (current == null || !current.isDeployment()) {
      return new VerticleScope(null, null);
    }
    Closeable hook = completion -> close.get().onComplete(completion);
    current.addCloseHook(hook);
    return new VerticleScope(current, hook);
  }

  /** The resource was closed by hand: the verticle no longer needs to close it. */
  public void release() {
    if (owner != null) {
      owner.removeCloseHook(hook);
    }
  }
}
