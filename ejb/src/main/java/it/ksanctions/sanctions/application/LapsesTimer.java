package it.ksanctions.sanctions.application;

import it.ksanctions.tenancy.context.TenantScope;
import it.ksanctions.tenancy.registry.Tenant;
import it.ksanctions.tenancy.registry.TenantRegistry;
import it.ksanctions.tenancy.registry.TenantStatus;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Every night (persistent timer: one node of the cluster) the acts whose minimum-payment window has
 * ended unpaid become UNPAID in every active command (art. 203 c.3 CdS; {@link
 * VerbaleLifecycle#markUnpaidOverdue}).
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LapsesTimer {

  private static final Logger LOG = Logger.getLogger(LapsesTimer.class);

  @Inject TenantRegistry registry;
  @Inject VerbaleLifecycle lifecycle;

  @Schedule(hour = "1", minute = "5", persistent = true, info = "unpaid acts")
  public void scheduled() {
    LocalDate today = LocalDate.now(ZoneId.of("Europe/Rome"));
    for (Tenant tenant : registry.list()) {
      if (tenant.getStatus() != TenantStatus.ACTIVE) {
        continue;
      }
      try (TenantScope scope = TenantScope.enter(tenant.id())) {
        List<String> moved = lifecycle.markUnpaidOverdue(today);
        if (!moved.isEmpty()) {
          LOG.infof("Acts of %s unpaid after the minimum window: %d", tenant.id(), moved.size());
        }
      } catch (RuntimeException e) {
        LOG.errorf(e, "Unpaid acts of %s not checked", tenant.id());
      }
    }
  }
}
