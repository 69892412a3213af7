package it.ksanctions.command.application;

import it.ksanctions.command.domain.CommandRuleException;
import it.ksanctions.command.infrastructure.ConfiguredMasterKeys;
import it.ksanctions.tenancy.context.TenantScope;
import it.ksanctions.tenancy.registry.Tenant;
import it.ksanctions.tenancy.registry.TenantRegistry;
import it.ksanctions.tenancy.registry.TenantStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Rotation of the master key of the integration credentials (PLT-6), for vendor support: every
 * secret of every active tenant is re-encrypted under one key version (by default the current one
 * of the configuration). Each tenant runs in its own scope and transaction, so one failing tenant
 * (e.g. a secret altered in its schema) neither stops nor undoes the others; a repeated run finds
 * nothing left to do.
 */
@ApplicationScoped
public class CredentialKeyRotation {

  private static final Logger LOG = Logger.getLogger(CredentialKeyRotation.class);

  @Inject TenantRegistry registry;
  @Inject IntegrationCredentials credentials;
  @Inject ConfiguredMasterKeys masterKeys;

  /** What happened in one tenant: secrets re-encrypted, or why it failed (never a secret). */
  public record TenantOutcome(String tenant, int reencrypted, String error) {}

  /** The outcome of a rotation: the target key version and each active tenant. */
  public record Outcome(int keyVersion, List<TenantOutcome> tenants) {
    public int reencrypted() {
      return tenants.stream().mapToInt(TenantOutcome::reencrypted).sum();
    }

    public long failedTenants() {
      return tenants.stream().filter(t -> t.error() != null).count();
    }
  }

  /** Re-encrypts under the configured current key version. */
  @Transactional(TxType.NOT_SUPPORTED)
  public Outcome rotateToCurrent(String platformUser) {
    return rotate(masterKeys.current().currentVersion(), platformUser);
  }

  /**
   * Re-encrypts under {@code keyVersion}, which must be configured.
   *
   * @throws CommandRuleException when the keys are missing or do not include {@code keyVersion}
   */
  @Transactional(TxType.NOT_SUPPORTED)
  public Outcome rotate(int keyVersion, String platformUser) {
    masterKeys.current().key(keyVersion);
    List<TenantOutcome> outcomes = new ArrayList<>();
    for (Tenant tenant : registry.list()) {
      if (tenant.getStatus() != TenantStatus.ACTIVE) {
        continue;
      }
      try (TenantScope scope = TenantScope.enter(tenant.id())) {
        outcomes.add(
            new TenantOutcome(
                tenant.getSlug(), credentials.reencrypt(keyVersion, platformUser), null));
      } catch (RuntimeException e) {
        String reason = reason(e);
        LOG.errorf("Credential key rotation of tenant %s failed: %s", tenant.getSlug(), reason);
        outcomes.add(new TenantOutcome(tenant.getSlug(), 0, reason));
      }
    }
    Outcome outcome = new Outcome(keyVersion, outcomes);
    LOG.infof(
        "Credential key rotation to version %d by %s: %d secrets in %d tenants, %d failed",
        keyVersion, platformUser, outcome.reencrypted(), outcomes.size(), outcome.failedTenants());
    return outcome;
  }

  private static String reason(Throwable failure) {
    for (Throwable e = failure; e != null; e = e.getCause()) {
      if (e instanceof CommandRuleException rule) {
        return rule.italianMessage();
      }
    }
    return "Errore imprevisto: " + failure.getClass().getSimpleName();
  }
}
