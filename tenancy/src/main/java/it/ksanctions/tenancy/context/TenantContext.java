package it.ksanctions.tenancy.context;

import java.util.Optional;

/**
 * The tenant the current thread works for.
 *
 * <p>A plain {@link ThreadLocal}, deliberately not inheritable: pooled threads (managed executors,
 * timers, batch) must enter a tenant explicitly through {@link TenantScope}, or a thread could
 * silently carry a previous tenant. Only {@link TenantScope} writes it.
 */
public final class TenantContext {

  private static final ThreadLocal<TenantId> CURRENT = new ThreadLocal<>();

  private TenantContext() {}

  /** The tenant in scope, if any. */
  public static Optional<TenantId> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  /**
   * The tenant in scope.
   *
   * @throws NoTenantException if the thread is outside any tenant scope
   */
  public static TenantId require() {
    TenantId tenant = CURRENT.get();
    if (tenant == null) {
      throw new NoTenantException();
    }
    return tenant;
  }

  static TenantId swap(TenantId next) {
    TenantId previous = CURRENT.get();
    if (next == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(next);
    }
    return previous;
  }
}
