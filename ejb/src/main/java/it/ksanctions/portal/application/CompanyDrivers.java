package it.ksanctions.portal.application;

import it.ksanctions.portal.application.CitizenRequests.DriverCheck;
import it.ksanctions.portal.application.CitizenRequests.DriverData;
import it.ksanctions.portal.application.PortalFiles.Grant;
import it.ksanctions.portal.domain.DriverCsv;
import it.ksanctions.portal.domain.DriverField;
import it.ksanctions.portal.domain.DriverProblem;
import it.ksanctions.portal.domain.PortalRuleException;
import it.ksanctions.portal.domain.RequestKind;
import it.ksanctions.portal.domain.RequestStatus;
import it.ksanctions.portal.domain.RequestTerms;
import it.ksanctions.sanctions.application.CitizenActs;
import it.ksanctions.sanctions.application.Outbox;
import it.ksanctions.sanctions.application.VerbaleLifecycle;
import it.ksanctions.sanctions.application.Verbali.VerbaleView;
import it.ksanctions.shared.CodiceFiscale;
import it.ksanctions.shared.NumericTaxCode;
import it.ksanctions.shared.RuleViolation.Kind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.io.StringReader;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The area of rental and leasing companies (issue 16 item 6): a company signed in through the
 * citizens' realm (ADR 0011 addendum: realm role and the company's tax code in the token) sees the
 * acts whose owner is the company in this tenant, each with the last day to name its driver, and
 * names the drivers of many acts at once with a CSV ({@link DriverCsv}).
 *
 * <p>A file is all or nothing: every row passes the checks an owner's single naming passes ({@link
 * CitizenRequests#checkDriver}: the act is the company's, within 60 days of its notification, not
 * named yet, the licence's rules) or nothing is recorded and every problem is reported with its row
 * and column. An accepted file becomes one driver identification per row, without a licence copy
 * per row (the company's declaration covers them, ADR 0010 addendum), and is remembered by its
 * SHA-256: the same file again answers the first upload and records nothing.
 *
 * <p>The company's acts are not a snapshot of the login: each call reads the acts whose owner is
 * the company's tax code now (at most {@value #MAX_LISTED} in the list; a CSV row reaches any act
 * of the company by its number).
 */
@ApplicationScoped
public class CompanyDrivers {

  /** How a company's grant is marked. */
  public static final String HOW = "AZIENDA";

  /** The most acts and requests listed on the page. */
  public static final int MAX_LISTED = 500;

  private static final ZoneId ITALY = ZoneId.of("Europe/Rome");
  private static final java.time.format.DateTimeFormatter ITALIAN_DATE =
      java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final java.time.format.DateTimeFormatter ITALIAN_TIME =
      java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy 'alle' HH:mm");

  /**
   * A company whose identity the citizens' realm verified: its tax code (partita IVA, or a sole
   * trader's codice fiscale), its name and the user who signed in.
   */
  public record Company(String taxCode, String name, String username) implements Serializable {}

  /** Where the naming of an act's driver stands. */
  public enum DriverState {
    TO_NAME("Da comunicare"),
    NAMED("Comunicato"),
    ELAPSED("Termine scaduto"),
    NOT_NOTIFIED("Non ancora notificato");

    private final String label;

    DriverState(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** An act of the company, for the page. */
  public record ActLine(
      long id,
      String number,
      String plate,
      LocalDate violationDay,
      LocalDate notifiedOn,
      LocalDate lastDay,
      Long daysLeft,
      String statusLabel,
      DriverState driver,
      String driverNote,
      Long requestId,
      RequestStatus requestStatus) {
    public String driverLabel() {
      return driver.label();
    }

    public boolean toName() {
      return driver == DriverState.TO_NAME;
    }
  }

  /** A driver identification the company sent, with the file and row it came from. */
  public record SentRequest(
      long id,
      String actNumber,
      String driverName,
      RequestStatus status,
      Instant submittedAt,
      String fileName,
      Integer row) {
    public String statusLabel() {
      return status.label();
    }
  }

  /** An accepted file. */
  public record UploadView(
      long id, String fileName, int rows, String uploadedBy, Instant uploadedAt, String sha256) {
    public String when() {
      return ITALIAN_TIME.format(uploadedAt.atZone(ITALY));
    }
  }

  /**
   * One line of the report of a refused file: the row (0 = the whole file), the field (null = the
   * whole row or file) with its Italian column name, and the reason in Italian.
   */
  public record RowProblem(int row, DriverField field, String column, String reason) {
    public String rowLabel() {
      return row == 0 ? "File" : Integer.toString(row);
    }
  }

  /**
   * What an upload did: recorded (one request per row), a replay of a file already accepted
   * (nothing new, the first upload's requests), or refused (the problems, nothing recorded).
   */
  public record Outcome(
      boolean recorded,
      boolean replay,
      UploadView upload,
      List<RowProblem> problems,
      List<SentRequest> requests) {
    public boolean refused() {
      return !problems.isEmpty();
    }
  }

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  @Inject CitizenActs acts;
  @Inject CitizenRequests requests;
  @Inject VerbaleLifecycle lifecycle;

  Clock clock = Clock.systemUTC();

  /** The company's acts in this tenant: those whose driver is to be named first, by last day. */
  @Transactional
  public List<ActLine> acts(Company company) {
    Company c = require(company);
    LocalDate today = LocalDate.now(clock.withZone(ITALY));
    List<Long> ids = acts.ofOwner(c.taxCode());
    if (ids.size() > MAX_LISTED) {
      ids = ids.subList(0, MAX_LISTED);
    }
    Map<Long, Object[]> named = namedRequests(ids);
    List<ActLine> lines = new ArrayList<>();
    for (long id : ids) {
      Optional<VerbaleView> found = acts.act(id);
      if (found.isEmpty()) {
        continue;
      }
      VerbaleView act = found.get();
      LocalDate notified = act.notifiedOn();
      LocalDate lastDay =
          notified == null
              ? null
              : RequestTerms.lastDay(RequestKind.DRIVER_IDENTIFICATION, notified, false)
                  .orElseThrow();
      Long left = lastDay == null ? null : ChronoUnit.DAYS.between(today, lastDay);
      DriverState state;
      String note;
      Object[] request = named.get(id);
      if (request != null) {
        state = DriverState.NAMED;
        note =
            "Richiesta n. "
                + request[0]
                + ": "
                + RequestStatus.valueOf((String) request[1]).label();
      } else if (notified == null || notified.isAfter(today)) {
        state = DriverState.NOT_NOTIFIED;
        note = "Il termine di 60 giorni decorre dalla notifica.";
      } else if (today.isAfter(lastDay)) {
        state = DriverState.ELAPSED;
        note = "Scaduto il " + ITALIAN_DATE.format(lastDay) + ".";
      } else {
        state = DriverState.TO_NAME;
        note = "Entro il " + ITALIAN_DATE.format(lastDay) + " (giorni rimasti: " + left + ").";
      }
      lines.add(
          new ActLine(
              id,
              act.number(),
              act.plate(),
              act.violationAt() == null ? null : act.violationAt().toLocalDate(),
              notified,
              lastDay,
              left,
              act.statusLabel(),
              state,
              note,
              request == null ? null : ((Number) request[0]).longValue(),
              request == null ? null : RequestStatus.valueOf((String) request[1])));
    }
    lines.sort(
        Comparator.comparing((ActLine l) -> l.driver().ordinal())
            .thenComparing(l -> l.lastDay() == null ? LocalDate.MAX : l.lastDay())
            .thenComparing(ActLine::number));
    return List.copyOf(lines);
  }

  /** The driver identifications the company sent, newest first. */
  @Transactional
  public List<SentRequest> sent(Company company) {
    return sentWhere("r.tax_code = ?1", require(company).taxCode());
  }

  /** The files the company had accepted, newest first. */
  @Transactional
  public List<UploadView> uploads(Company company) {
    Company c = require(company);
    List<UploadView> uploads = new ArrayList<>();
    for (Object o :
        em.createNativeQuery(
                "select id, file_name, rows_count, uploaded_by, uploaded_at, sha256"
                    + " from company_driver_upload where company_tax_code = ?1"
                    + " order by uploaded_at desc, id desc limit 100")
            .setParameter(1, c.taxCode())
            .getResultList()) {
      uploads.add(upload((Object[]) o));
    }
    return uploads;
  }

  /**
   * Names the drivers of a CSV file: all rows or none.
   *
   * @param declared the company declares that it keeps a copy of each driver's licence and of the
   *     rental or leasing contract, to show the command on request
   * @throws PortalRuleException when the company is not signed in, or did not declare
   */
  @Transactional
  public Outcome upload(Company company, String fileName, byte[] content, boolean declared) {
    Company c = require(company);
    if (!declared) {
      throw new PortalRuleException(
          "portal.company.declaration-required",
          "Per inviare i conducenti confermare la dichiarazione dell'azienda (copia della patente"
              + " e del contratto di noleggio o leasing conservate dall'azienda).",
          Kind.INVALID_INPUT);
    }
    byte[] bytes = content == null ? new byte[0] : content;
    String sha = sha256(bytes);
    Optional<UploadView> earlier = uploadOf(c.taxCode(), sha);
    if (earlier.isPresent()) {
      return replay(earlier.get());
    }
    DriverCsv.Parsed parsed = DriverCsv.read(fileName, bytes);
    if (parsed.unreadable()) {
      return refused(report(parsed.problems()));
    }
    String name = storedName(fileName);
    List<?> inserted =
        em.createNativeQuery(
                "insert into company_driver_upload (company_tax_code, sha256, file_name,"
                    + " size_bytes, rows_count, uploaded_by, uploaded_at) values (?1, ?2, ?3, ?4,"
                    + " ?5, ?6, ?7) on conflict (company_tax_code, sha256) do nothing returning id")
            .setParameter(1, c.taxCode())
            .setParameter(2, sha)
            .setParameter(3, name)
            .setParameter(4, bytes.length)
            .setParameter(5, parsed.rows().size())
            .setParameter(6, clip(c.username(), 120))
            .setParameter(7, clock.instant())
            .getResultList();
    if (inserted.isEmpty()) {
      // the same file, accepted meanwhile in another request that held this row until it ended
      return replay(uploadOf(c.taxCode(), sha).orElseThrow());
    }
    long uploadId = ((Number) inserted.get(0)).longValue();

    // the acts by number, among the company's only; locked in one order, so that two uploads
    // naming the same acts wait for each other instead of deadlocking
    Map<Integer, Long> actOfRow = new HashMap<>();
    for (DriverCsv.Row row : parsed.rows()) {
      if (!row.actNumber().isEmpty()) {
        acts.idOf(row.actNumber(), c.taxCode()).ifPresent(id -> actOfRow.put(row.line(), id));
      }
    }
    TreeSet<Long> ids = new TreeSet<>(actOfRow.values());
    ids.forEach(lifecycle::lock);
    Grant grant = new Grant(c.taxCode(), java.util.Set.copyOf(ids), HOW);

    LocalDate today = LocalDate.now(clock.withZone(ITALY));
    List<DriverCsv.Problem> problems = new ArrayList<>(parsed.problems());
    Map<DriverCsv.Row, DriverCheck> checks = new LinkedHashMap<>();
    for (DriverCsv.Row row : parsed.rows()) {
      if (parsed.flagged(row.line(), null)) {
        continue;
      }
      Long id = actOfRow.get(row.line());
      DriverCheck check =
          requests.checkDriver(
              grant,
              id == null ? -1 : id,
              new DriverData(
                  row.fullName(),
                  row.taxCode(),
                  row.licenceNumber(),
                  row.category(),
                  row.issuedOn(),
                  row.expiresOn()),
              today);
      checks.put(row, check);
      for (DriverProblem p : check.problems()) {
        if (parsed.flagged(row.line(), p.field())
            || (p.field() == DriverField.ACT_NUMBER && row.actNumber().isEmpty())) {
          continue; // the file's own problem on this cell says it better
        }
        problems.add(new DriverCsv.Problem(row.line(), p.field(), reasonOf(p, row)));
      }
    }
    if (!problems.isEmpty()) {
      // nothing of this file stays; a concurrent upload of it waiting on the row goes on
      em.createNativeQuery("delete from company_driver_upload where id = ?1")
          .setParameter(1, uploadId)
          .executeUpdate();
      return refused(report(problems));
    }
    for (Map.Entry<DriverCsv.Row, DriverCheck> e : checks.entrySet()) {
      DriverCsv.Row row = e.getKey();
      CitizenRequests.RequestView view =
          requests.recordDriver(
              grant,
              e.getValue(),
              null,
              List.of(),
              "azienda-" + uploadId + "-" + row.line(),
              "azienda " + c.username(),
              "Dichiarazione dell'azienda "
                  + c.name()
                  + " ("
                  + c.taxCode()
                  + "), file «"
                  + name
                  + "», riga "
                  + row.line()
                  + ": l'azienda conserva copia della patente del conducente e del contratto di"
                  + " noleggio o leasing, da esibire su richiesta del comando. ");
      em.createNativeQuery(
              "insert into company_driver_upload_row (upload_id, row_number, request_id)"
                  + " values (?1, ?2, ?3)")
          .setParameter(1, uploadId)
          .setParameter(2, row.line())
          .setParameter(3, view.id())
          .executeUpdate();
    }
    UploadView upload = uploadOf(c.taxCode(), sha).orElseThrow();
    return new Outcome(true, false, upload, List.of(), ofUpload(uploadId));
  }

  // ------------------------------------------------------------------ helpers

  /** The reason for the report: the act out of reach named by its number; whole sentences. */
  private static String reasonOf(DriverProblem p, DriverCsv.Row row) {
    if (p.field() == DriverField.ACT_NUMBER && p.kind() == Kind.NOT_FOUND) {
      // the same words for an act of another owner and for one that does not exist
      return "Il verbale n. "
          + row.actNumber()
          + " non risulta tra i verbali intestati all'azienda presso questo comando.";
    }
    String r = p.reason().strip();
    r = r.substring(0, 1).toUpperCase(Locale.ITALIAN) + r.substring(1);
    return r.endsWith(".") ? r : r + ".";
  }

  private static List<RowProblem> report(List<DriverCsv.Problem> problems) {
    return DriverCsv.sorted(problems).stream()
        .map(p -> new RowProblem(p.line(), p.field(), p.column(), p.reason()))
        .toList();
  }

  private static Outcome refused(List<RowProblem> problems) {
    return new Outcome(false, false, null, List.copyOf(problems), List.of());
  }

  private Outcome replay(UploadView upload) {
    return new Outcome(false, true, upload, List.of(), ofUpload(upload.id()));
  }

  private List<SentRequest> ofUpload(long uploadId) {
    return sentWhere(
        "r.id in (select request_id from company_driver_upload_row where upload_id = ?1)",
        uploadId);
  }

  private List<SentRequest> sentWhere(String where, Object parameter) {
    List<SentRequest> sent = new ArrayList<>();
    for (Object o :
        em.createNativeQuery(
                "select r.id, v.number, r.driver, r.status, r.submitted_at, u.file_name,"
                    + " ur.row_number from citizen_request r join verbale v on v.id ="
                    + " r.verbale_id left join company_driver_upload_row ur on ur.request_id ="
                    + " r.id left join company_driver_upload u on u.id = ur.upload_id where"
                    + " r.kind = 'DRIVER_IDENTIFICATION' and "
                    + where
                    + " order by r.submitted_at desc, r.id desc limit "
                    + MAX_LISTED)
            .setParameter(1, parameter)
            .getResultList()) {
      Object[] r = (Object[]) o;
      String driver = "";
      if (r[2] != null) {
        JsonObject d = Json.createReader(new StringReader((String) r[2])).readObject();
        driver = d.getString("fullName", "");
      }
      sent.add(
          new SentRequest(
              ((Number) r[0]).longValue(),
              (String) r[1],
              driver,
              RequestStatus.valueOf((String) r[3]),
              Outbox.instant(r[4]),
              (String) r[5],
              r[6] == null ? null : ((Number) r[6]).intValue()));
    }
    return sent;
  }

  /** Act id → (request id, status) of its driver identification that is not rejected. */
  private Map<Long, Object[]> namedRequests(List<Long> ids) {
    Map<Long, Object[]> named = new HashMap<>();
    if (ids.isEmpty()) {
      return named;
    }
    for (Object o :
        em.createNativeQuery(
                "select verbale_id, id, status from citizen_request where kind ="
                    + " 'DRIVER_IDENTIFICATION' and status <> 'REJECTED' and verbale_id in (?1)"
                    + " order by id")
            .setParameter(1, ids)
            .getResultList()) {
      Object[] r = (Object[]) o;
      named.putIfAbsent(((Number) r[0]).longValue(), new Object[] {r[1], r[2]});
    }
    return named;
  }

  private Optional<UploadView> uploadOf(String taxCode, String sha) {
    List<?> rows =
        em.createNativeQuery(
                "select id, file_name, rows_count, uploaded_by, uploaded_at, sha256"
                    + " from company_driver_upload where company_tax_code = ?1 and sha256 = ?2")
            .setParameter(1, taxCode)
            .setParameter(2, sha)
            .getResultList();
    return rows.isEmpty() ? Optional.empty() : Optional.of(upload((Object[]) rows.get(0)));
  }

  private static UploadView upload(Object[] r) {
    return new UploadView(
        ((Number) r[0]).longValue(),
        (String) r[1],
        ((Number) r[2]).intValue(),
        (String) r[3],
        Outbox.instant(r[4]),
        (String) r[5]);
  }

  /** The company, checked: a verified tax code (partita IVA or codice fiscale). */
  static Company require(Company company) {
    if (company == null
        || company.taxCode() == null
        || !(NumericTaxCode.isValid(company.taxCode())
            || CodiceFiscale.isValid(company.taxCode()))) {
      throw new PortalRuleException(
          "portal.company.sign-in-required",
          "L'area aziende è riservata alle aziende di noleggio e leasing che accedono con le"
              + " credenziali fornite dal comando.",
          Kind.NOT_FOUND);
    }
    return company;
  }

  private static String storedName(String fileName) {
    String name = fileName == null || fileName.isBlank() ? "conducenti.csv" : fileName;
    name = name.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}]", "");
    return clip(name.isBlank() ? "conducenti.csv" : name, 200);
  }

  private static String clip(String s, int max) {
    String v = s == null ? "" : s;
    return v.length() <= max ? v : v.substring(0, max);
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
