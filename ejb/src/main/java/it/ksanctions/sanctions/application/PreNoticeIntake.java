package it.ksanctions.sanctions.application;

import it.ksanctions.devices.application.MobileDeviceGateway.DeviceCall;
import it.ksanctions.sanctions.domain.PreNotice;
import it.ksanctions.sanctions.domain.PreNoticeDraft;
import it.ksanctions.sanctions.domain.SanctionsRule;
import it.ksanctions.sanctions.domain.SanctionsRuleException;
import it.ksanctions.sanctions.infrastructure.PreNoticeRow;
import it.ksanctions.tenancy.data.TenantLocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Receives one pre-notice of a mobile batch, in a transaction of its own: a refused item never
 * undoes the others, and an item stored is committed before the next one starts (a batch cut
 * halfway keeps what arrived).
 *
 * <p>Idempotent per UUID, also under concurrency: the transaction first takes the tenant's named
 * lock of that UUID, so a second upload of the same pre-notice (the same batch sent twice at once)
 * waits for the first to end and then finds it stored. The primary key stays the last guard; if it
 * ever fires, {@link MobilePreNotices} finds the stored pre-notice and answers "already received".
 */
@ApplicationScoped
public class PreNoticeIntake {

  /** What became of one pre-notice of a batch. */
  public enum Outcome {
    CREATED,
    ALREADY_RECEIVED,
    REFUSED
  }

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  @Inject PreNoticeRecords records;
  @Inject PreNoticeChecks checks;
  @Inject NumberBlocks blocks;

  /**
   * Stores {@code draft} for the device's officer unless a pre-notice with its UUID exists.
   *
   * @return {@link Outcome#CREATED} or {@link Outcome#ALREADY_RECEIVED}
   * @throws SanctionsRuleException when a rule refuses it (nothing is stored)
   */
  @Transactional(TxType.REQUIRES_NEW)
  public Outcome receive(PreNoticeDraft draft, DeviceCall call, long sessionId, Instant now) {
    if (draft.id() == null) {
      throw new SanctionsRuleException(SanctionsRule.ID_REQUIRED);
    }
    TenantLocks.exclusive(em, "pre-notice:" + draft.id());
    Optional<PreNoticeRow> existing = records.row(draft.id());
    if (existing.isPresent()) {
      return alreadyReceived(existing.get(), call);
    }
    PreNotice preNotice = PreNotice.record(draft, call.officer(), now);
    checks.requireArticleAndPlace(preNotice);
    if (preNotice.verbaleNumber() != null) {
      // Under the block's lock: two pre-notices never take the same number. The number's row
      // refers to the pre-notice, inserted first when the transaction flushes.
      blocks.useNumber(
          call.deviceCode(), preNotice.verbaleNumber(), preNotice.id(), call.officer(), now);
    }
    records.store(preNotice, draft.photos(), sessionId);
    return Outcome.CREATED;
  }

  /** Whether the pre-notice {@code id} is stored for this officer (after a failed attempt). */
  @Transactional(TxType.REQUIRES_NEW)
  public Optional<Outcome> storedAlready(UUID id, DeviceCall call) {
    return records.row(id).map(row -> alreadyReceived(row, call));
  }

  private static Outcome alreadyReceived(PreNoticeRow row, DeviceCall call) {
    if (!row.officer().equals(call.officer())) {
      throw new SanctionsRuleException(SanctionsRule.ID_TAKEN, String.valueOf(row.id()));
    }
    return Outcome.ALREADY_RECEIVED;
  }
}
