package it.ksanctions.tenancy.context;

/**
 * Thrown when code that works on tenant data runs outside any tenant scope. It is a programming
 * error (a timer or an async task that forgot {@link TenantScope#enter}), so it fails loudly
 * instead of falling back to any schema.
 */
public class NoTenantException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  public NoTenantException() {
    super(
        "No tenant in scope: tenant data can only be used inside TenantScope.enter(...) "
            + "or a request resolved by the tenant filter");
  }
}
