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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Every night, before the check of unpaid acts (01:05), for each active tenant: the instalment
 * plans that a missed instalment ended ({@link InstalmentRequests#recordForfeitures}) and the
 * requests the office left undecided past the 90 days, deemed rejected ({@link
 * InstalmentRequests#recordSilentRejections}). Persistent, so one node of the cluster fires it; a
 * plan or request is recorded once, so an overlapping run changes nothing.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class InstalmentForfeituresTimer {

  private static final Logger LOG = Logger.getLogger(InstalmentForfeituresTimer.class);

  @Inject TenantRegistry registry;
  @Inject InstalmentRequests plans;

  @Schedule(hour = "0", minute = "50", persistent = true, info = "instalment forfeitures")
  public void scheduled() {
    LocalDate today = LocalDate.now(ZoneId.of("Europe/Rome"));
    for (Tenant tenant : registry.list()) {
      if (tenant.getStatus() != TenantStatus.ACTIVE) {
        continue;
      }
      try (TenantScope scope = TenantScope.enter(tenant.id())) {
        List<Long> ended = plans.recordForfeitures(today);
        if (!ended.isEmpty()) {
          LOG.infof("Instalment plans of %s ended by a missed instalment: %s", tenant.id(), ended);
        }
        List<Long> rejected = plans.recordSilentRejections(today);
        if (!rejected.isEmpty()) {
          LOG.infof(
              "Instalment requests of %s undecided past the term, deemed rejected: %s",
              tenant.id(), rejected);
        }
      } catch (RuntimeException e) {
        LOG.errorf(e, "Instalment plans of %s not checked", tenant.id());
      }
    }
  }
}
