package it.ksanctions.platform.application;

import it.ksanctions.command.application.CredentialKeyRotation;
import it.ksanctions.command.application.CredentialKeyRotation.Outcome;
import it.ksanctions.command.application.CredentialKeyRotation.TenantOutcome;
import it.ksanctions.command.domain.CommandRuleException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * The vendor's rotation of the credentials' master key, as a platform action: the Command context
 * re-encrypts every active tenant's secrets ({@link CredentialKeyRotation}); the platform audit
 * trail records the rotation, and each tenant's outcome, under the support user who asked.
 */
@ApplicationScoped
@Transactional(TxType.NOT_SUPPORTED)
public class CredentialKeyRotations {

  @Inject CredentialKeyRotation rotation;
  @Inject PlatformAudit audit;

  /**
   * Re-encrypts every active tenant's secrets under the current key version.
   *
   * @throws CommandRuleException when the master keys are missing (recorded as a failure)
   */
  public Outcome rotateToCurrent(String supportUser) {
    Outcome outcome;
    try {
      outcome = rotation.rotateToCurrent("piattaforma:" + supportUser);
    } catch (CommandRuleException e) {
      audit.failure(supportUser, PlatformAudit.KEY_ROTATION, null, e.italianMessage());
      throw e;
    }
    audit.success(
        supportUser,
        PlatformAudit.KEY_ROTATION,
        null,
        "Versione "
            + outcome.keyVersion()
            + ": "
            + outcome.reencrypted()
            + " segreti in "
            + outcome.tenants().size()
            + " comandi, "
            + outcome.failedTenants()
            + " non riusciti");
    for (TenantOutcome tenant : outcome.tenants()) {
      if (tenant.error() == null) {
        audit.success(
            supportUser,
            PlatformAudit.KEY_ROTATION,
            tenant.tenant(),
            tenant.reencrypted()
                + " segreti cifrati con la chiave versione "
                + outcome.keyVersion());
      } else {
        audit.failure(supportUser, PlatformAudit.KEY_ROTATION, tenant.tenant(), tenant.error());
      }
    }
    return outcome;
  }
}
