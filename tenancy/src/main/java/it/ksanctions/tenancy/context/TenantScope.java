package it.ksanctions.tenancy.context;

import org.jboss.logging.MDC;

/**
 * An explicit, closeable period during which the current thread works for one tenant.
 *
 * <pre>{@code
 * try (TenantScope scope = TenantScope.enter(tenant)) {
 *   ... // JPA, caches and logs are bound to the tenant here
 * }
 * }</pre>
 *
 * <p>Scopes nest: closing restores the tenant that was in scope before (or none). The logging MDC
 * key {@code tenant} follows the scope, so every log line names its tenant. Timers, batch jobs and
 * asynchronous work must open a scope per tenant and close it in {@code finally}
 * (try-with-resources), never rely on a tenant left on a pooled thread.
 */
public final class TenantScope implements AutoCloseable {

  /** The MDC key read by the server's log pattern (wildfly-config/cli/logging.cli). */
  public static final String MDC_KEY = "tenant";

  private final TenantId previous;
  private final Thread owner;
  private boolean closed;

  private TenantScope(TenantId previous) {
    this.previous = previous;
    this.owner = Thread.currentThread();
  }

  /** Enters the scope of {@code tenant} on the current thread. */
  public static TenantScope enter(TenantId tenant) {
    if (tenant == null) {
      throw new IllegalArgumentException("tenant is required");
    }
    TenantScope scope = new TenantScope(TenantContext.swap(tenant));
    MDC.put(MDC_KEY, tenant.slug());
    return scope;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    if (Thread.currentThread() != owner) {
      throw new IllegalStateException("A tenant scope must be closed by the thread that opened it");
    }
    closed = true;
    TenantContext.swap(previous);
    if (previous == null) {
      MDC.remove(MDC_KEY);
    } else {
      MDC.put(MDC_KEY, previous.slug());
    }
  }
}
