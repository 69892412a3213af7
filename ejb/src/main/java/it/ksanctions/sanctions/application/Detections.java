package it.ksanctions.sanctions.application;

import static it.ksanctions.permissions.domain.AppAction.ACCESS;
import static it.ksanctions.permissions.domain.AppAction.EDIT;
import static it.ksanctions.permissions.domain.AppAction.VALIDATE;
import static it.ksanctions.permissions.domain.AppModule.PRE_NOTICES;

import it.ksanctions.permissions.application.AuditRecorder;
import it.ksanctions.permissions.application.Authorized;
import it.ksanctions.permissions.application.CurrentStaff;
import it.ksanctions.permissions.domain.AuditOperation;
import it.ksanctions.sanctions.domain.CameraRow;
import it.ksanctions.sanctions.domain.DetectionStatus;
import it.ksanctions.sanctions.domain.SanctionsRuleException;
import it.ksanctions.sanctions.infrastructure.CameraImportFileRow;
import it.ksanctions.sanctions.infrastructure.DetectionPlateCorrectionRow;
import it.ksanctions.sanctions.infrastructure.DetectionRow;
import it.ksanctions.sanctions.infrastructure.PhotoArchive;
import it.ksanctions.shared.RuleViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The review of detections (issue 13 item 6, "Rilevazioni"): search by period, device, place,
 * article, status and plate; the photos; a plate corrected with its reason (kept in a history); a
 * detection validated (ready to become a verbale) or archived with a reason (e.g. emergency
 * vehicle, unreadable plate), one or many at once. Every action is in the audit log.
 */
@ApplicationScoped
@Transactional
public class Detections {

  private static final Pattern PLATE = Pattern.compile("[A-Z0-9]{2,10}");

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  @Inject CurrentStaff currentStaff;
  @Inject AuditRecorder audit;

  Clock clock = Clock.systemUTC();

  /** What the search asks; null fields do not filter. */
  public record Filter(
      LocalDate from,
      LocalDate to,
      String deviceCode,
      String placeCode,
      String articleCode,
      DetectionStatus status,
      String plate) {
    public static Filter all() {
      return new Filter(null, null, null, null, null, null, null);
    }
  }

  /** A detection as the review shows it. */
  public record DetectionView(
      long id,
      long importId,
      int rowNumber,
      String deviceCode,
      String placeCode,
      LocalDateTime detectedAt,
      String plate,
      String country,
      String vehicleType,
      BigDecimal measuredSpeed,
      Integer speedLimit,
      String articleCode,
      LocalDate articleValidFrom,
      String decidedRule,
      List<String> photos,
      DetectionStatus status,
      String statusReason,
      String reviewedBy) {

    public String statusLabel() {
      return status.italianLabel();
    }

    static DetectionView of(DetectionRow d) {
      return new DetectionView(
          d.id(),
          d.importId(),
          d.rowNumber(),
          d.deviceCode(),
          d.placeCode(),
          d.detectedAt(),
          d.plate(),
          d.country(),
          d.vehicleType(),
          d.measuredSpeed(),
          d.speedLimit(),
          d.articleCode(),
          d.articleValidFrom(),
          d.decidedRule(),
          d.photos() == null || d.photos().isBlank()
              ? List.of()
              : Arrays.asList(d.photos().split("\\|")),
          d.status(),
          d.statusReason(),
          d.reviewedBy());
    }
  }

  @Authorized(module = PRE_NOTICES, action = ACCESS)
  public List<DetectionView> search(Filter filter) {
    if (!DetectionVisibility.sees(currentStaff.requireActive())) {
      return List.of();
    }
    StringBuilder jpql = new StringBuilder("select d from DetectionRow d where 1 = 1");
    Map<String, Object> parameters = new HashMap<>();
    if (filter.from() != null) {
      jpql.append(" and d.detectedAt >= :from");
      parameters.put("from", filter.from().atStartOfDay());
    }
    if (filter.to() != null) {
      jpql.append(" and d.detectedAt < :to");
      parameters.put("to", filter.to().plusDays(1).atStartOfDay());
    }
    if (blank(filter.deviceCode()) != null) {
      jpql.append(" and d.deviceCode = :device");
      parameters.put("device", filter.deviceCode().strip().toUpperCase(java.util.Locale.ROOT));
    }
    if (blank(filter.placeCode()) != null) {
      jpql.append(" and d.placeCode = :place");
      parameters.put("place", filter.placeCode().strip().toUpperCase(java.util.Locale.ROOT));
    }
    if (blank(filter.articleCode()) != null) {
      jpql.append(" and d.articleCode = :article");
      parameters.put("article", filter.articleCode().strip());
    }
    if (filter.status() != null) {
      jpql.append(" and d.status = :status");
      parameters.put("status", filter.status());
    }
    if (blank(filter.plate()) != null) {
      jpql.append(" and d.plate like :plate");
      parameters.put("plate", "%" + CameraRow.normalisedPlate(filter.plate()) + "%");
    }
    jpql.append(" order by d.detectedAt desc, d.id desc");
    TypedQuery<DetectionRow> query = em.createQuery(jpql.toString(), DetectionRow.class);
    parameters.forEach(query::setParameter);
    return query.setMaxResults(500).getResultList().stream().map(DetectionView::of).toList();
  }

  @Authorized(module = PRE_NOTICES, action = ACCESS)
  public DetectionView detail(long id) {
    return DetectionView.of(require(id));
  }

  /** A photo: its media type and bytes. */
  public record Photo(String mediaType, byte[] bytes) {}

  /** A photo the detection names, from the archive that came with its file. */
  @Authorized(module = PRE_NOTICES, action = ACCESS)
  public Optional<Photo> photo(long id, String name) {
    DetectionRow detection = require(id);
    if (!DetectionView.of(detection).photos().contains(name)) {
      return Optional.empty();
    }
    CameraImportFileRow file = em.find(CameraImportFileRow.class, detection.importId());
    return file == null || file.photos() == null
        ? Optional.empty()
        : PhotoArchive.photo(file.photos(), name)
            .map(bytes -> new Photo(PhotoArchive.mediaType(bytes), bytes));
  }

  /** Corrects a detection's plate; the reason and the old plate are kept. */
  @Authorized(module = PRE_NOTICES, action = EDIT)
  public DetectionView correctPlate(long id, String plate, String reason) {
    DetectionRow detection = require(id);
    String normalised = CameraRow.normalisedPlate(plate);
    if (normalised == null || !PLATE.matcher(normalised).matches()) {
      throw new SanctionsRuleException(
          "sanctions.detection.plate",
          "Targa non valida: da 2 a 10 lettere o cifre.",
          RuleViolation.Kind.INVALID_INPUT);
    }
    if (reason == null || reason.isBlank()) {
      throw new SanctionsRuleException(
          "sanctions.detection.reason-required",
          "Indicare il motivo della correzione della targa.",
          RuleViolation.Kind.INVALID_INPUT);
    }
    if (detection.status() != DetectionStatus.TO_REVIEW) {
      throw new SanctionsRuleException(
          "sanctions.detection.reviewed",
          "La rilevazione è già "
              + detection.status().italianLabel().toLowerCase()
              + ": la targa non si corregge più.");
    }
    if (normalised.equals(detection.plate())) {
      return DetectionView.of(detection);
    }
    String by = currentStaff.requireActive().username();
    em.persist(
        new DetectionPlateCorrectionRow(
            detection.id(), detection.plate(), normalised, reason.strip(), by, clock.instant()));
    String old = detection.plate();
    detection.correctPlate(normalised);
    audit.record(
        PRE_NOTICES,
        "Correzione targa rilevazione",
        AuditOperation.CHANGE,
        "rilevazione " + id + ": " + old + " → " + normalised + " (" + reason.strip() + ")");
    return DetectionView.of(detection);
  }

  /** Validates detections waiting for review: they are ready to become verbali. */
  @Authorized(module = PRE_NOTICES, action = VALIDATE)
  public int validate(List<Long> ids) {
    return review(ids, DetectionStatus.VALIDATED, null);
  }

  /** Archives detections with the reason (e.g. "veicolo in emergenza", "targa illeggibile"). */
  @Authorized(module = PRE_NOTICES, action = VALIDATE)
  public int archive(List<Long> ids, String reason) {
    if (reason == null || reason.isBlank()) {
      throw new SanctionsRuleException(
          "sanctions.detection.reason-required",
          "Indicare il motivo dell'archiviazione.",
          RuleViolation.Kind.INVALID_INPUT);
    }
    return review(ids, DetectionStatus.ARCHIVED, reason.strip());
  }

  private int review(List<Long> ids, DetectionStatus target, String reason) {
    if (ids == null || ids.isEmpty()) {
      throw new SanctionsRuleException(
          "sanctions.detection.none-selected",
          "Selezionare almeno una rilevazione.",
          RuleViolation.Kind.INVALID_INPUT);
    }
    String by = currentStaff.requireActive().username();
    List<Long> reviewed = new ArrayList<>();
    for (Long id : ids) {
      DetectionRow detection = require(id);
      if (detection.status() != DetectionStatus.TO_REVIEW) {
        throw new SanctionsRuleException(
            "sanctions.detection.reviewed",
            "La rilevazione "
                + id
                + " è già "
                + detection.status().italianLabel().toLowerCase()
                + ": nessuna modifica salvata.");
      }
      detection.review(target, reason, by, clock.instant());
      reviewed.add(id);
    }
    audit.record(
        PRE_NOTICES,
        target == DetectionStatus.VALIDATED
            ? "Validazione rilevazioni"
            : "Archiviazione rilevazioni",
        AuditOperation.CHANGE,
        "rilevazioni " + reviewed + (reason == null ? "" : " (" + reason + ")"));
    return reviewed.size();
  }

  /** How many detections each device gave in a period (DEV-6). */
  @Authorized(module = PRE_NOTICES, action = ACCESS)
  public Map<String, Long> countByDevice(LocalDate from, LocalDate to) {
    Map<String, Long> counts = new java.util.TreeMap<>();
    for (Object[] row :
        em.createQuery(
                "select d.deviceCode, count(d) from DetectionRow d where d.detectedAt >= :from"
                    + " and d.detectedAt < :to group by d.deviceCode",
                Object[].class)
            .setParameter("from", from.atStartOfDay())
            .setParameter("to", to.plusDays(1).atStartOfDay())
            .getResultList()) {
      counts.put((String) row[0], (Long) row[1]);
    }
    return counts;
  }

  private DetectionRow require(long id) {
    DetectionRow row = em.find(DetectionRow.class, id);
    if (row == null || !DetectionVisibility.sees(currentStaff.requireActive())) {
      throw new SanctionsRuleException(
          "sanctions.detection.unknown",
          "Nessuna rilevazione n. " + id + " in questo comando.",
          RuleViolation.Kind.NOT_FOUND);
    }
    return row;
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
