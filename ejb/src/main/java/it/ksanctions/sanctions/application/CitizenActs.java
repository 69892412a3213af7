package it.ksanctions.sanctions.application;

import it.ksanctions.sanctions.application.Verbali.VerbaleView;
import it.ksanctions.sanctions.domain.VerbalePin;
import it.ksanctions.sanctions.infrastructure.CameraImportFileRow;
import it.ksanctions.sanctions.infrastructure.DetectionRow;
import it.ksanctions.sanctions.infrastructure.PhotoArchive;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The acts as the citizen portal reaches them (issue 16), without a signed-in officer: the portal
 * context decides who may see an act (the owner's codice fiscale with the act's PIN, or a verified
 * SPID identity) and asks here only for acts it has authorised. Drafts and annulled acts are never
 * shown to citizens.
 */
@ApplicationScoped
@Transactional
public class CitizenActs {

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  @Inject VerbaleLifecycle lifecycle;
  @Inject PreNoticeRecords preNotices;

  /** A photo of an act: its media type and bytes. */
  public record ActPhoto(String mediaType, byte[] bytes) {}

  /**
   * The act of {@code taxCode} that {@code pin} opens, if any: the PIN is checked against the
   * owner's acts only (spaces and case in the PIN are ignored).
   */
  public Optional<Long> openedBy(String taxCode, String pin) {
    if (taxCode == null || pin == null) {
      return Optional.empty();
    }
    for (Object o :
        em.createNativeQuery(
                "select id, pin_hash from verbale where owner_tax_code = ?1"
                    + " and status <> 'ANNULLED' and (pin_tag = ?2 or pin_tag is null)"
                    + " order by id desc limit 50")
            .setParameter(1, taxCode.strip().toUpperCase(Locale.ROOT))
            .setParameter(2, VerbalePin.tag(pin))
            .getResultList()) {
      Object[] row = (Object[]) o;
      if (VerbalePin.matches(pin, (String) row[1])) {
        return Optional.of(((Number) row[0]).longValue());
      }
    }
    return Optional.empty();
  }

  /**
   * Whether the command's owner data give {@code taxCode} as the current owner of Italian plate
   * {@code plate} (its latest record).
   */
  public boolean ownsPlate(String taxCode, String plate) {
    if (taxCode == null || plate == null) {
      return false;
    }
    List<?> rows =
        em.createNativeQuery(
                "select tax_code from vehicle_owner where plate = ?1 and country = 'IT'"
                    + " order by recorded_at desc, id desc limit 1")
            .setParameter(1, plate.strip().toUpperCase(Locale.ROOT))
            .getResultList();
    return !rows.isEmpty()
        && taxCode.strip().toUpperCase(Locale.ROOT).equals(String.valueOf(rows.get(0)));
  }

  /** The act numbered {@code number} whose owner is {@code taxCode}, unless annulled. */
  public Optional<Long> idOf(String number, String taxCode) {
    if (number == null || taxCode == null) {
      return Optional.empty();
    }
    List<?> rows =
        em.createNativeQuery(
                "select id from verbale where upper(number) = ?1 and owner_tax_code = ?2"
                    + " and status <> 'ANNULLED'")
            .setParameter(1, number.strip().toUpperCase(Locale.ROOT))
            .setParameter(2, taxCode.strip().toUpperCase(Locale.ROOT))
            .getResultList();
    return rows.isEmpty() ? Optional.empty() : Optional.of(((Number) rows.get(0)).longValue());
  }

  /**
   * A new PIN for the act (the citizen lost the printed one): the old one stops working; the new
   * one is answered once, to be sent by post or PEC, and kept only as a hash.
   */
  public String reissuePin(long id, String by) {
    lifecycle.lock(id);
    String pin = VerbalePin.generate();
    em.createNativeQuery("update verbale set pin_hash = ?2, pin_tag = ?3 where id = ?1")
        .setParameter(1, id)
        .setParameter(2, VerbalePin.hash(pin))
        .setParameter(3, VerbalePin.tag(pin))
        .executeUpdate();
    lifecycle.note(id, by, "Nuovo PIN per il portale generato su richiesta del cittadino");
    return pin;
  }

  /** Every act of {@code taxCode} but the annulled ones, newest first (the SPID personal area). */
  public List<Long> ofOwner(String taxCode) {
    List<Long> ids = new ArrayList<>();
    for (Object id :
        em.createNativeQuery(
                "select id from verbale where owner_tax_code = ?1 and status <> 'ANNULLED'"
                    + " order by issued_at desc, id desc limit 500")
            .setParameter(1, taxCode.strip().toUpperCase(Locale.ROOT))
            .getResultList()) {
      ids.add(((Number) id).longValue());
    }
    return ids;
  }

  /** The act, unless annulled. */
  public Optional<VerbaleView> act(long id) {
    return lifecycle
        .act(id)
        .map(VerbaleLifecycle.Act::verbale)
        .filter(v -> v.status() != it.ksanctions.sanctions.domain.VerbaleStatus.ANNULLED);
  }

  /** The act's PDF as issued. */
  public Optional<byte[]> pdf(long id) {
    return act(id).flatMap(v -> lifecycle.pdf(id));
  }

  /** How many photos {@code act}, already read, has: its photos are counted, not read. */
  public int photoCount(VerbaleView act) {
    if (act.sourceKind() == Verbali.SourceKind.DETECTION) {
      return cameraPhotoNames(act).size();
    }
    return preNotices.photoCount(UUID.fromString(act.sourceId()));
  }

  /** The act's photo number {@code index} (from 0). */
  public Optional<ActPhoto> photo(long id, int index) {
    Optional<VerbaleView> act = act(id);
    if (act.isEmpty() || index < 0) {
      return Optional.empty();
    }
    VerbaleView v = act.get();
    if (v.sourceKind() == Verbali.SourceKind.DETECTION) {
      List<String> names = cameraPhotoNames(v);
      if (index >= names.size()) {
        return Optional.empty();
      }
      DetectionRow d = em.find(DetectionRow.class, Long.parseLong(v.sourceId()));
      CameraImportFileRow file = em.find(CameraImportFileRow.class, d.importId());
      return file == null || file.photos() == null
          ? Optional.empty()
          : PhotoArchive.photo(file.photos(), names.get(index))
              .map(bytes -> new ActPhoto(PhotoArchive.mediaType(bytes), bytes));
    }
    return preNotices.photos(UUID.fromString(v.sourceId())).stream()
        .skip(index)
        .findFirst()
        .map(p -> new ActPhoto(p.contentType(), p.content()));
  }

  /** The names of the camera photos of an act from a detection. */
  private List<String> cameraPhotoNames(VerbaleView act) {
    DetectionRow d = em.find(DetectionRow.class, Long.parseLong(act.sourceId()));
    return d == null || d.photos() == null || d.photos().isBlank()
        ? List.of()
        : Arrays.asList(d.photos().split("\\|"));
  }
}
