package it.ksanctions.portal.application;

import it.ksanctions.tenancy.context.TenantScope;
import it.ksanctions.tenancy.registry.Tenant;
import it.ksanctions.tenancy.registry.TenantRegistry;
import it.ksanctions.tenancy.registry.TenantStatus;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Every minute, for each active tenant, the notices of new acts to the citizens who registered
 * their plates ({@link CitizenNotices#deliver()}); also the platform's "run now". Persistent, so
 * one node of the cluster fires it; each notice is claimed in the database, so a run overlapping
 * another sends nothing twice.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CitizenNoticesTimer {

  private static final Logger LOG = Logger.getLogger(CitizenNoticesTimer.class);

  @Inject TenantRegistry registry;
  @Inject CitizenNotices notices;

  @Schedule(hour = "*", minute = "*", persistent = true, info = "citizen notices")
  public void scheduled() {
    runNow();
  }

  /** One round over every active tenant; how many notices were sent. */
  public int runNow() {
    int sent = 0;
    for (Tenant tenant : registry.list()) {
      if (tenant.getStatus() != TenantStatus.ACTIVE) {
        continue;
      }
      try (TenantScope scope = TenantScope.enter(tenant.id())) {
        sent += notices.deliver();
      } catch (RuntimeException e) {
        LOG.errorf(e, "Citizen notices of %s failed", tenant.id());
      }
    }
    return sent;
  }
}
