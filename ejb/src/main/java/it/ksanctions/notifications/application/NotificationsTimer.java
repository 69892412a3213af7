package it.ksanctions.notifications.application;

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
 * Follows SEND and the PEC receipts for every active command every 30 seconds (persistent timer:
 * one node per firing in the cluster); each command's round is {@link SendProgress#poll()}, then
 * {@link PecReceipts#poll()}.
 */
@Singleton
// Runs may overlap (the timer and a "run now"): each message, event or receipt is claimed in
// the database, so no container lock is needed (and none makes a caller wait).
@jakarta.ejb.ConcurrencyManagement(jakarta.ejb.ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NotificationsTimer {

  private static final Logger LOG = Logger.getLogger(NotificationsTimer.class);

  @Inject TenantRegistry registry;
  @Inject SendProgress progress;
  @Inject PecReceipts pecReceipts;

  @Schedule(hour = "*", minute = "*", second = "*/30", persistent = true, info = "SEND progress")
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
        SendProgress.Round round = progress.poll();
        if (round.events() > 0 || round.refused() > 0) {
          LOG.infof("SEND progress of %s: %s", tenant.id(), round);
        }
      } catch (DeliveryFailure e) {
        LOG.warnf("SEND progress of %s not read: %s", tenant.id(), e.reason());
      } catch (RuntimeException e) {
        LOG.errorf(e, "SEND progress of %s failed", tenant.id());
      }
      try (TenantScope scope = TenantScope.enter(tenant.id())) {
        PecReceipts.Round round = pecReceipts.poll();
        if (round.applied() > 0) {
          LOG.infof("PEC receipts of %s: %s", tenant.id(), round);
        }
      } catch (DeliveryFailure e) {
        LOG.warnf("PEC receipts of %s not read: %s", tenant.id(), e.reason());
      } catch (RuntimeException e) {
        LOG.errorf(e, "PEC receipts of %s failed", tenant.id());
      }
    }
    return tenants;
  }
}
