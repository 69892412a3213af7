package archfixture.command.application;

import archfixture.tenancy.context.TenantId;

/** Asks a schema name and keeps a tenant in a ThreadLocal: breaks rule (d). */
public class Schemas {
  private static final ThreadLocal<TenantId> CURRENT = new ThreadLocal<>();

  public String schema() {
    return CURRENT.get().schemaName();
  }
}
