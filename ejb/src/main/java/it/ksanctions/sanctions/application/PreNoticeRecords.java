package it.ksanctions.sanctions.application;

import it.ksanctions.sanctions.domain.Photo;
import it.ksanctions.sanctions.domain.PreNotice;
import it.ksanctions.sanctions.domain.SanctionsRule;
import it.ksanctions.sanctions.domain.SanctionsRuleException;
import it.ksanctions.sanctions.infrastructure.PlateCorrectionRow;
import it.ksanctions.sanctions.infrastructure.PreNoticePhotoRow;
import it.ksanctions.sanctions.infrastructure.PreNoticeRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Loads and stores pre-notices with their photos and plate corrections, in the caller's
 * transaction.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class PreNoticeRecords {

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  /** Stores a new pre-notice and its photos (positions 1, 2, …). */
  public void store(PreNotice preNotice, List<Photo> photos, Long syncSessionId) {
    em.persist(PreNoticeRow.of(preNotice, syncSessionId));
    int position = 1;
    for (Photo photo : photos) {
      em.persist(new PreNoticePhotoRow(preNotice.id(), position++, photo));
    }
  }

  /** Stores what changed: plate, status, review, and the new plate corrections. */
  public void update(PreNotice preNotice) {
    PreNoticeRow row = em.find(PreNoticeRow.class, preNotice.id());
    row.update(preNotice);
    preNotice.newCorrections().forEach(c -> em.persist(PlateCorrectionRow.of(preNotice.id(), c)));
  }

  public Optional<PreNoticeRow> row(UUID id) {
    return Optional.ofNullable(em.find(PreNoticeRow.class, id));
  }

  /**
   * The pre-notice, locked until the end of the transaction (a review and a correction of the same
   * pre-notice never interleave).
   *
   * @throws SanctionsRuleException when there is none
   */
  public PreNotice lockAndLoad(UUID id) {
    PreNoticeRow row = em.find(PreNoticeRow.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (row == null) {
      throw new SanctionsRuleException(SanctionsRule.NOT_FOUND, String.valueOf(id));
    }
    return row.toDomain(corrections(id));
  }

  /** The pre-notice locked as {@link #lockAndLoad}, or empty: never refuses (bulk actions). */
  public Optional<PreNotice> lockAndFind(UUID id) {
    return Optional.ofNullable(em.find(PreNoticeRow.class, id, LockModeType.PESSIMISTIC_WRITE))
        .map(row -> row.toDomain(corrections(id)));
  }

  public Optional<PreNotice> load(UUID id) {
    return row(id).map(row -> row.toDomain(corrections(id)));
  }

  /** How many photos pre-notice {@code id} has, without reading them. */
  public int photoCount(UUID id) {
    return em.createQuery(
            "select count(p) from PreNoticePhotoRow p where p.preNoticeId = :id", Long.class)
        .setParameter("id", id)
        .getSingleResult()
        .intValue();
  }

  public List<PreNoticePhotoRow> photos(UUID id) {
    return em.createQuery(
            "select p from PreNoticePhotoRow p where p.preNoticeId = :id order by p.ordinal",
            PreNoticePhotoRow.class)
        .setParameter("id", id)
        .getResultList();
  }

  private List<it.ksanctions.sanctions.domain.PlateCorrection> corrections(UUID id) {
    return em
        .createQuery(
            "select c from PlateCorrectionRow c where c.preNoticeId = :id order by c.id",
            PlateCorrectionRow.class)
        .setParameter("id", id)
        .getResultList()
        .stream()
        .map(PlateCorrectionRow::toDomain)
        .toList();
  }
}
