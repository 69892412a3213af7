package it.ksanctions.payments.application;

import it.ksanctions.sanctions.application.DeliveryFailure;
import it.ksanctions.tenancy.context.TenantScope;
import it.ksanctions.tenancy.registry.Tenant;
import it.ksanctions.tenancy.registry.TenantRegistry;
import it.ksanctions.tenancy.registry.TenantStatus;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Reads the receipts API of every active command every 5 minutes (persistent timer: one node per
 * firing in the cluster). The pushed receipts usually arrive first; this path catches what a push
 * lost.
 */
@Singleton
// Runs may overlap (the timer and a "run now"): each message, event or receipt is claimed in
// the database, so no container lock is needed (and none makes a caller wait).
@jakarta.ejb.ConcurrencyManagement(jakarta.ejb.ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PaymentsTimer {

  private static final Logger LOG = Logger.getLogger(PaymentsTimer.class);

  @Inject TenantRegistry registry;
  @Inject ReceiptPolling polling;

  @Schedule(hour = "*", minute = "*/5", persistent = true, info = "pagoPA receipts")
  public void scheduled() {
    runNow();
  }

  /** One round over every active tenant now; how many tenants were read. */
  public int runNow() {
    int tenants = 0;
    for (Tenant tenant : registry.list()) {
      if (tenant.getStatus() != TenantStatus.ACTIVE) {
        continue;
      }
      tenants++;
      try (TenantScope scope = TenantScope.enter(tenant.id())) {
        ReceiptPolling.Poll poll = polling.poll();
        if (poll.applied() > 0) {
          LOG.infof("Receipts of %s: %s", tenant.id(), poll);
        }
      } catch (DeliveryFailure e) {
        LOG.warnf("Receipts of %s not read: %s", tenant.id(), e.reason());
      } catch (RuntimeException e) {
        LOG.errorf(e, "Receipts of %s failed", tenant.id());
      }
    }
    return tenants;
  }
}
