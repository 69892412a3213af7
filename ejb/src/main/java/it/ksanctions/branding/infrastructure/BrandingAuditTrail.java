package it.ksanctions.branding.infrastructure;

import it.ksanctions.permissions.application.AuditLog;
import it.ksanctions.permissions.domain.AppModule;
import it.ksanctions.permissions.domain.AuditOperation;
import it.ksanctions.permissions.domain.AuditedAction;
import it.ksanctions.tenancy.context.TenantId;
import it.ksanctions.tenancy.context.TenantScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;

/**
 * Records a branding change in the tenant's own audit log (PRM-5), so the command sees who changed
 * its look: vendor staff appear with role {@code platform-admin}. The tenant scope is entered
 * before the (new) transaction starts, so the audit row goes to the tenant's schema.
 */
@ApplicationScoped
public class BrandingAuditTrail {

  public static final String PLATFORM_ROLE = "platform-admin";

  @Inject Writer writer;

  public void record(String slug, String username, String role, String what) {
    try (TenantScope scope = TenantScope.enter(TenantId.of(slug))) {
      writer.append(username, role, what);
    }
  }

  /** The transactional part, a separate bean so that the interceptor applies. */
  @ApplicationScoped
  public static class Writer {

    @Inject AuditLog log;

    @Transactional(TxType.REQUIRES_NEW)
    public void append(String username, String role, String what) {
      log.append(
          new AuditedAction(
              Instant.now(),
              username,
              role,
              AppModule.COMMAND,
              "Tema grafico",
              AuditOperation.CHANGE,
              what));
    }
  }
}
