package it.ksanctions.portal.application;

import it.ksanctions.command.application.CommandMail;
import it.ksanctions.permissions.application.CurrentStaff;
import it.ksanctions.permissions.domain.AppAction;
import it.ksanctions.permissions.domain.AppModule;
import it.ksanctions.portal.application.PortalFiles.Grant;
import it.ksanctions.portal.domain.AttachmentCheck;
import it.ksanctions.portal.domain.CitizenRequestWorkflow;
import it.ksanctions.portal.domain.DriverField;
import it.ksanctions.portal.domain.DriverIdentification;
import it.ksanctions.portal.domain.DriverProblem;
import it.ksanctions.portal.domain.PortalRuleException;
import it.ksanctions.portal.domain.RequestKind;
import it.ksanctions.portal.domain.RequestStatus;
import it.ksanctions.portal.domain.RequestTerms;
import it.ksanctions.sanctions.application.CitizenActs;
import it.ksanctions.sanctions.application.VerbaleLifecycle;
import it.ksanctions.sanctions.application.Verbali.VerbaleView;
import it.ksanctions.sanctions.domain.VerbaleStatus;
import it.ksanctions.shared.RuleViolation.Kind;
import it.ksanctions.tenancy.web.CurrentTenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Appeals, self-protection requests and communications a citizen sends from the portal about an act
 * (issue 16 items 4 and 7), and the office's workflow on them: the terms of the law checked ({@link
 * RequestTerms}), attachments checked by content ({@link AttachmentCheck}), each step recorded,
 * shown to the citizen and e-mailed to the address the citizen gave. An appeal to the Prefetto or
 * the Giudice di Pace puts the act "under appeal" (no reduced payment any more); the appeal's
 * outcome annuls the act (upheld) or leaves it to be paid (dismissed). A request is sent once per
 * idempotency key: the same key answers the request already recorded.
 */
@ApplicationScoped
public class CitizenRequests {

  private static final Logger LOG = Logger.getLogger(CitizenRequests.class);
  private static final ZoneId ITALY = ZoneId.of("Europe/Rome");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
  static final int MAX_BODY = 8000;
  static final int MAX_DRIVER_NAME = 200;
  private static final java.time.format.DateTimeFormatter ITALIAN_DATE =
      java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  @Inject CitizenActs acts;
  @Inject VerbaleLifecycle lifecycle;
  @Inject CurrentStaff currentStaff;
  @Inject CommandMail mail;
  @Inject CurrentTenant tenant;
  @Inject LicencePointsRegistry licencePoints;

  Clock clock = Clock.systemUTC();

  /** A file the citizen attaches. */
  public record Upload(String fileName, byte[] content) {}

  /** One step of a request. */
  public record Step(Instant at, RequestStatus from, RequestStatus to, String by, String reason) {
    public String label() {
      return to.label();
    }
  }

  /** An attachment as listed. */
  public record AttachmentView(long id, String fileName, String mediaType, long size) {}

  /** A request as the citizen and the office read it. */
  public record RequestView(
      long id,
      long verbaleId,
      String verbaleNumber,
      RequestKind kind,
      RequestStatus status,
      String taxCode,
      String contactEmail,
      String body,
      Instant submittedAt,
      List<AttachmentView> attachments,
      List<Step> steps) {
    public String kindLabel() {
      return kind.label();
    }

    public String statusLabel() {
      return status.label();
    }

    public List<RequestStatus> next() {
      return List.copyOf(CitizenRequestWorkflow.nextStatuses(kind, status));
    }
  }

  /** The kinds a citizen may choose, with their labels. */
  public List<RequestKind> kinds() {
    return List.of(RequestKind.values());
  }

  /**
   * Records a request about an act the citizen may see.
   *
   * @throws PortalRuleException with the Italian reason (terms, a paid act, attachments, fields)
   */
  @Transactional
  public RequestView submit(
      Grant grant,
      long verbaleId,
      RequestKind kind,
      String body,
      String email,
      boolean residentAbroad,
      List<Upload> uploads,
      String idempotencyKey) {
    return submitAs(
        grant, verbaleId, kind, body, email, residentAbroad, uploads, idempotencyKey, "cittadino");
  }

  /** As {@link #submit}, the first step recorded as done {@code by} (at most 64 characters). */
  private RequestView submitAs(
      Grant grant,
      long verbaleId,
      RequestKind kind,
      String body,
      String email,
      boolean residentAbroad,
      List<Upload> uploads,
      String idempotencyKey,
      String by) {
    if (grant == null || !grant.mayRead(verbaleId)) {
      throw notFound();
    }
    if (idempotencyKey != null && !idempotencyKey.isBlank()) {
      Optional<RequestView> done = byKey(idempotencyKey.strip());
      if (done.isPresent()) {
        if (done.get().verbaleId() != verbaleId) {
          throw notFound();
        }
        return done.get();
      }
    }
    lifecycle.lock(verbaleId);
    VerbaleView act = acts.act(verbaleId).orElseThrow(CitizenRequests::notFound);
    if (kind == null) {
      throw new PortalRuleException(
          "portal.request.kind-required", "Scegliere il tipo di richiesta.", Kind.INVALID_INPUT);
    }
    String text = body == null ? "" : body.strip();
    if (text.length() < 10) {
      throw new PortalRuleException(
          "portal.request.body-required",
          "Descrivere la richiesta e i motivi (almeno 10 caratteri).",
          Kind.INVALID_INPUT);
    }
    if (text.length() > MAX_BODY) {
      throw new PortalRuleException(
          "portal.request.body-too-long",
          "Il testo supera " + MAX_BODY + " caratteri: allegare un documento per il resto.",
          Kind.INVALID_INPUT);
    }
    String contact = email == null || email.isBlank() ? null : email.strip();
    if (contact != null && (contact.length() > 254 || !EMAIL.matcher(contact).matches())) {
      throw new PortalRuleException(
          "portal.request.email",
          "L'indirizzo e-mail non è valido: correggerlo o lasciarlo vuoto.",
          Kind.INVALID_INPUT);
    }
    LocalDate today = LocalDate.now(clock.withZone(ITALY));
    boolean paid =
        act.status() == VerbaleStatus.PAID || act.status() == VerbaleStatus.PARTIALLY_PAID;
    RequestTerms.check(kind, act.notifiedOn(), today, paid, residentAbroad);
    if (kind.lapsesReducedPayment() && act.status() == VerbaleStatus.APPEALED) {
      throw new PortalRuleException(
          "portal.appeal.pending",
          "Per questo verbale è già in corso un ricorso: seguirne l'esito in questa pagina.");
    }
    List<AttachmentCheck.Checked> checked = new ArrayList<>();
    List<Upload> files = uploads == null ? List.of() : uploads;
    for (Upload u : files) {
      checked.add(AttachmentCheck.checkFile(u.fileName(), u.content()));
    }
    AttachmentCheck.checkRequest(checked);

    Instant now = clock.instant();
    RequestStatus initial = CitizenRequestWorkflow.initialStatus(kind);
    String key =
        idempotencyKey == null || idempotencyKey.isBlank()
            ? java.util.UUID.randomUUID().toString()
            : idempotencyKey.strip();
    long id =
        ((Number)
                em.createNativeQuery(
                        "insert into citizen_request (verbale_id, kind, status, tax_code,"
                            + " contact_email, body, resident_abroad, submitted_at, updated_at,"
                            + " idempotency_key) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?9)"
                            + " returning id")
                    .setParameter(1, verbaleId)
                    .setParameter(2, kind.name())
                    .setParameter(3, initial.name())
                    .setParameter(4, grant.taxCode())
                    .setParameter(5, contact)
                    .setParameter(6, text)
                    .setParameter(7, residentAbroad)
                    .setParameter(8, now)
                    .setParameter(9, key)
                    .getSingleResult())
            .longValue();
    for (int i = 0; i < files.size(); i++) {
      AttachmentCheck.Checked c = checked.get(i);
      em.createNativeQuery(
              "insert into citizen_request_attachment (request_id, file_name, media_type,"
                  + " size_bytes, sha256, content) values (?1, ?2, ?3, ?4, ?5, ?6)")
          .setParameter(1, id)
          .setParameter(2, c.storageName())
          .setParameter(3, c.type().mediaType())
          .setParameter(4, c.size())
          .setParameter(5, sha256(files.get(i).content()))
          .setParameter(6, files.get(i).content())
          .executeUpdate();
    }
    step(id, now, null, initial, by.length() <= 64 ? by : by.substring(0, 64), null);
    if (kind.lapsesReducedPayment() && act.status().canMoveTo(VerbaleStatus.APPEALED)) {
      lifecycle.markAppealed(
          verbaleId,
          "cittadino",
          kind.label() + " presentato dal portale (richiesta n. " + id + ")");
    }
    RequestView view = view(id).orElseThrow();
    notifyCitizen(view, initial, null);
    return view;
  }

  /** The driver the owner names (art. 126-bis CdS), as typed on the portal. */
  public record DriverData(
      String fullName,
      String taxCode,
      String licenceNumber,
      String category,
      LocalDate issuedOn,
      LocalDate expiresOn) {}

  /**
   * The checks of naming a driver for an act (art. 126-bis CdS), without writing anything.
   *
   * @param act the act, null when the grant does not reach it
   * @param fullName the driver's name, trimmed
   * @param licence the validated licence, null when its data have problems
   * @param problems every problem, each with the field it concerns: first those of the act (not
   *     reachable, term elapsed, a driver already named), then the name's and the licence's
   */
  public record DriverCheck(
      VerbaleView act,
      String fullName,
      DriverIdentification licence,
      List<DriverProblem> problems) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  /**
   * Checks naming {@code driver} for act {@code verbaleId} (issue 16 item 6), shared by the owner's
   * form ({@link #submitDriver}) and a company's CSV of drivers ({@link CompanyDrivers}): the act
   * among the grant's, notified no more than 60 days ago ({@link RequestTerms}), no driver
   * identification of it received, in review or accepted, the driver's name, and the licence's
   * rules ({@link DriverIdentification}). Every problem is told, none thrown; the act stays locked
   * until the transaction ends, so two namings of one act do not both pass.
   */
  @Transactional
  public DriverCheck checkDriver(Grant grant, long verbaleId, DriverData driver, LocalDate today) {
    List<DriverProblem> problems = new ArrayList<>();
    VerbaleView act = null;
    if (grant == null || !grant.mayRead(verbaleId)) {
      problems.add(DriverProblem.ofAct(notFound()));
    } else {
      lifecycle.lock(verbaleId);
      act = acts.act(verbaleId).orElse(null);
      if (act == null) {
        problems.add(DriverProblem.ofAct(notFound()));
      } else {
        try {
          RequestTerms.check(
              RequestKind.DRIVER_IDENTIFICATION, act.notifiedOn(), today, false, false);
        } catch (PortalRuleException e) {
          problems.add(DriverProblem.ofAct(e));
        }
        List<?> named =
            em.createNativeQuery(
                    "select id, status from citizen_request where verbale_id = ?1 and kind = ?2"
                        + " and status <> ?3 order by id limit 1")
                .setParameter(1, verbaleId)
                .setParameter(2, RequestKind.DRIVER_IDENTIFICATION.name())
                .setParameter(3, RequestStatus.REJECTED.name())
                .getResultList();
        if (!named.isEmpty()) {
          Object[] row = (Object[]) named.get(0);
          problems.add(
              new DriverProblem(
                  DriverField.ACT_NUMBER,
                  "portal.driver.already-named",
                  "I dati del conducente di questo verbale sono già stati comunicati (richiesta n. "
                      + row[0]
                      + ", stato «"
                      + RequestStatus.valueOf((String) row[1]).label()
                      + "»).",
                  Kind.CONFLICT));
        }
      }
    }
    String name = driver == null || driver.fullName() == null ? "" : driver.fullName().strip();
    if (name.length() < 3) {
      problems.add(
          DriverProblem.ofData(
              DriverField.FULL_NAME,
              "portal.driver.name-required",
              "Indicare nome e cognome del conducente."));
    } else if (name.length() > MAX_DRIVER_NAME) {
      problems.add(
          DriverProblem.ofData(
              DriverField.FULL_NAME,
              "portal.driver.name-too-long",
              "Il nome del conducente supera " + MAX_DRIVER_NAME + " caratteri."));
    }
    DriverData d = driver == null ? new DriverData(null, null, null, null, null, null) : driver;
    // an act out of reach has no violation day: only the licence's own dates are compared
    LocalDate violationDay = act == null ? LocalDate.MIN : act.violationAt().toLocalDate();
    List<DriverProblem> licenceProblems =
        DriverIdentification.fieldProblems(
            d.licenceNumber(),
            d.category(),
            d.issuedOn(),
            d.expiresOn(),
            d.taxCode(),
            violationDay,
            today);
    problems.addAll(licenceProblems);
    DriverIdentification licence =
        act != null && licenceProblems.isEmpty()
            ? DriverIdentification.validate(
                d.licenceNumber(),
                d.category(),
                d.issuedOn(),
                d.expiresOn(),
                d.taxCode(),
                violationDay,
                today)
            : null;
    return new DriverCheck(act, name, licence, List.copyOf(problems));
  }

  /**
   * The owner names who was driving (issue 16 item 6), within 60 days of the notification, with the
   * licence's data and a copy of it attached: every problem of the data is told at once.
   */
  @Transactional
  public RequestView submitDriver(
      Grant grant,
      long verbaleId,
      DriverData driver,
      String email,
      List<Upload> uploads,
      String idempotencyKey) {
    if (grant == null || !grant.mayRead(verbaleId)) {
      throw notFound();
    }
    if (idempotencyKey != null && !idempotencyKey.isBlank()) {
      Optional<RequestView> done = byKey(idempotencyKey.strip());
      if (done.isPresent()) {
        return done.get();
      }
    }
    LocalDate today = LocalDate.now(clock.withZone(ITALY));
    DriverCheck check = checkDriver(grant, verbaleId, driver, today);
    for (DriverProblem p : check.problems()) {
      if (p.field() == DriverField.ACT_NUMBER || p.field() == DriverField.FULL_NAME) {
        throw p.toException();
      }
    }
    if (!check.ok()) {
      throw new PortalRuleException(
          "portal.driver.invalid",
          "I dati del conducente non sono corretti: "
              + String.join("; ", check.problems().stream().map(DriverProblem::reason).toList())
              + ".",
          Kind.INVALID_INPUT);
    }
    if (uploads == null || uploads.isEmpty()) {
      throw new PortalRuleException(
          "portal.driver.copy-required",
          "Allegare la copia della patente del conducente (PDF, JPEG o PNG).",
          Kind.INVALID_INPUT);
    }
    return recordDriver(grant, check, email, uploads, idempotencyKey, "cittadino", "");
  }

  /**
   * Records a driver identification that passed {@link #checkDriver} in this transaction: the
   * request (its body says who was driving, after {@code preface}), its attachments, the driver's
   * data for the points.
   *
   * @param by who sent it, as the first step records it
   */
  public RequestView recordDriver(
      Grant grant,
      DriverCheck check,
      String email,
      List<Upload> uploads,
      String idempotencyKey,
      String by,
      String preface) {
    if (!check.ok() || check.act() == null || check.licence() == null) {
      throw new IllegalStateException("A driver identification with problems: " + check);
    }
    DriverIdentification licence = check.licence();
    String name = check.fullName();
    String data =
        jakarta.json.Json.createObjectBuilder()
            .add("fullName", name)
            .add("taxCode", licence.driverTaxCode().toString())
            .add("licenceNumber", licence.licenceNumber())
            .add("category", licence.category().name())
            .add("issuedOn", licence.licenceIssuedOn().toString())
            .add("expiresOn", licence.licenceExpiresOn().toString())
            .build()
            .toString();
    String body =
        preface
            + "Conducente: "
            + name
            + " ("
            + licence.driverTaxCode()
            + "), patente n. "
            + licence.licenceNumber()
            + " cat. "
            + licence.category().name()
            + " rilasciata il "
            + ITALIAN_DATE.format(licence.licenceIssuedOn())
            + ", valida fino al "
            + ITALIAN_DATE.format(licence.licenceExpiresOn())
            + ".";
    RequestView view =
        submitAs(
            grant,
            check.act().id(),
            RequestKind.DRIVER_IDENTIFICATION,
            body,
            email,
            false,
            uploads,
            idempotencyKey,
            by);
    em.createNativeQuery("update citizen_request set driver = ?2 where id = ?1")
        .setParameter(1, view.id())
        .setParameter(2, data)
        .executeUpdate();
    return view;
  }

  /** The requests about an act, for its citizen, newest first. */
  @Transactional
  public List<RequestView> ofVerbale(Grant grant, long verbaleId) {
    if (grant == null || !grant.mayRead(verbaleId)) {
      throw notFound();
    }
    return ids("verbale_id = ?1", verbaleId).stream().map(i -> view(i).orElseThrow()).toList();
  }

  // ------------------------------------------------------------------ the office

  /** The requests in {@code status} (all when null), oldest first: the office's worklist. */
  @Transactional
  public List<RequestView> list(RequestStatus status) {
    currentStaff.require(AppModule.APPEALS, AppAction.ACCESS);
    List<Long> ids = status == null ? ids("1 = 1", null) : ids("status = ?1", status.name());
    return ids.stream().map(i -> view(i).orElseThrow()).toList();
  }

  /** One request for the office. */
  @Transactional
  public RequestView detail(long id) {
    currentStaff.require(AppModule.APPEALS, AppAction.ACCESS);
    return view(id).orElseThrow(CitizenRequests::notFound);
  }

  /** An attachment's name, type and content, for the office. */
  @Transactional
  public Object[] attachment(long attachmentId) {
    currentStaff.require(AppModule.APPEALS, AppAction.ACCESS);
    List<?> rows =
        em.createNativeQuery(
                "select file_name, media_type, content from citizen_request_attachment"
                    + " where id = ?1")
            .setParameter(1, attachmentId)
            .getResultList();
    if (rows.isEmpty()) {
      throw notFound();
    }
    return (Object[]) rows.get(0);
  }

  /**
   * Moves a request to {@code to} (a rejection needs its reason); the citizen sees the step and
   * gets it by e-mail. An appeal upheld annuls the act; a dismissed one leaves it to be paid.
   */
  @Transactional
  public RequestView move(long id, RequestStatus to, String reason) {
    String who = currentStaff.require(AppModule.APPEALS, AppAction.EDIT).username();
    List<?> rows =
        em.createNativeQuery(
                "select kind, status, verbale_id from citizen_request where id = ?1 for update")
            .setParameter(1, id)
            .getResultList();
    if (rows.isEmpty()) {
      throw notFound();
    }
    Object[] row = (Object[]) rows.get(0);
    RequestKind kind = RequestKind.valueOf((String) row[0]);
    RequestStatus from = RequestStatus.valueOf((String) row[1]);
    long verbaleId = ((Number) row[2]).longValue();
    RequestStatus target = CitizenRequestWorkflow.move(kind, from, to, reason);
    Instant now = clock.instant();
    em.createNativeQuery("update citizen_request set status = ?2, updated_at = ?3 where id = ?1")
        .setParameter(1, id)
        .setParameter(2, target.name())
        .setParameter(3, now)
        .executeUpdate();
    String why = reason == null || reason.isBlank() ? null : reason.strip();
    step(id, now, from, target, who, why);
    if (kind.lapsesReducedPayment() || kind == RequestKind.SELF_PROTECTION) {
      String outcome =
          kind.label() + " n. " + id + ": " + target.label() + (why == null ? "" : " - " + why);
      if (target == RequestStatus.UPHELD
          || (target == RequestStatus.ACCEPTED && kind != RequestKind.JUSTICE_OF_PEACE_APPEAL)) {
        lifecycle.appealOutcome(verbaleId, true, who, outcome);
      } else if (target == RequestStatus.DISMISSED
          || (target == RequestStatus.REJECTED && kind.lapsesReducedPayment())) {
        lifecycle.appealOutcome(verbaleId, false, who, outcome);
      }
    }
    if (kind == RequestKind.DRIVER_IDENTIFICATION && target == RequestStatus.ACCEPTED) {
      deductPoints(id, verbaleId, who);
    }
    RequestView view = view(id).orElseThrow();
    notifyCitizen(view, target, why);
    return view;
  }

  /** The validated driver's points: the act's, doubled for a licence under three years. */
  private void deductPoints(long requestId, long verbaleId, String who) {
    VerbaleView act = acts.act(verbaleId).orElseThrow(CitizenRequests::notFound);
    String data =
        (String)
            em.createNativeQuery("select driver from citizen_request where id = ?1")
                .setParameter(1, requestId)
                .getSingleResult();
    if (data == null) {
      return;
    }
    jakarta.json.JsonObject d =
        jakarta.json.Json.createReader(new java.io.StringReader(data)).readObject();
    LocalDate day = act.violationAt().toLocalDate();
    LocalDate issued = LocalDate.parse(d.getString("issuedOn"));
    int points = DriverIdentification.pointsToDeduct(act.points(), issued, day);
    licencePoints.communicate(
        new LicencePointsRegistry.Deduction(
            verbaleId,
            requestId,
            d.getString("taxCode"),
            d.getString("fullName"),
            d.getString("licenceNumber"),
            d.getString("category"),
            points,
            DriverIdentification.isNewLicence(issued, day),
            day,
            who));
    lifecycle.note(
        verbaleId,
        who,
        "Conducente identificato (art. 126-bis CdS): "
            + d.getString("fullName")
            + ", patente n. "
            + d.getString("licenceNumber")
            + "; punti da decurtare: "
            + points
            + (DriverIdentification.isNewLicence(issued, day)
                ? " (raddoppiati: neopatentato)"
                : ""));
  }

  // ------------------------------------------------------------------ helpers

  private Optional<RequestView> byKey(String key) {
    List<?> rows =
        em.createNativeQuery("select id from citizen_request where idempotency_key = ?1")
            .setParameter(1, key)
            .getResultList();
    return rows.isEmpty() ? Optional.empty() : view(((Number) rows.get(0)).longValue());
  }

  private List<Long> ids(String where, Object param) {
    var q =
        em.createNativeQuery(
            "select id from citizen_request where "
                + where
                + " order by submitted_at "
                + (param instanceof Long ? "desc" : "asc")
                + " limit 500");
    if (param != null) {
      q.setParameter(1, param);
    }
    List<Long> ids = new ArrayList<>();
    for (Object o : q.getResultList()) {
      ids.add(((Number) o).longValue());
    }
    return ids;
  }

  private Optional<RequestView> view(long id) {
    List<?> rows =
        em.createNativeQuery(
                "select r.id, r.verbale_id, v.number, r.kind, r.status, r.tax_code,"
                    + " r.contact_email, r.body, r.submitted_at from citizen_request r"
                    + " join verbale v on v.id = r.verbale_id where r.id = ?1")
            .setParameter(1, id)
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] r = (Object[]) rows.get(0);
    List<AttachmentView> attachments = new ArrayList<>();
    for (Object o :
        em.createNativeQuery(
                "select id, file_name, media_type, size_bytes from citizen_request_attachment"
                    + " where request_id = ?1 order by id")
            .setParameter(1, id)
            .getResultList()) {
      Object[] a = (Object[]) o;
      attachments.add(
          new AttachmentView(
              ((Number) a[0]).longValue(),
              (String) a[1],
              (String) a[2],
              ((Number) a[3]).longValue()));
    }
    List<Step> steps = new ArrayList<>();
    for (Object o :
        em.createNativeQuery(
                "select at, from_status, to_status, by_whom, reason from citizen_request_event"
                    + " where request_id = ?1 order by at, id")
            .setParameter(1, id)
            .getResultList()) {
      Object[] s = (Object[]) o;
      steps.add(
          new Step(
              it.ksanctions.sanctions.application.Outbox.instant(s[0]),
              s[1] == null ? null : RequestStatus.valueOf((String) s[1]),
              RequestStatus.valueOf((String) s[2]),
              (String) s[3],
              (String) s[4]));
    }
    return Optional.of(
        new RequestView(
            ((Number) r[0]).longValue(),
            ((Number) r[1]).longValue(),
            (String) r[2],
            RequestKind.valueOf((String) r[3]),
            RequestStatus.valueOf((String) r[4]),
            (String) r[5],
            (String) r[6],
            (String) r[7],
            it.ksanctions.sanctions.application.Outbox.instant(r[8]),
            attachments,
            steps));
  }

  private void step(
      long id, Instant at, RequestStatus from, RequestStatus to, String by, String reason) {
    em.createNativeQuery(
            "insert into citizen_request_event (request_id, at, from_status, to_status, by_whom,"
                + " reason) values (?1, ?2, ?3, ?4, ?5, ?6)")
        .setParameter(1, id)
        .setParameter(2, at)
        .setParameter(3, from == null ? null : from.name())
        .setParameter(4, to.name())
        .setParameter(5, by)
        .setParameter(6, reason)
        .executeUpdate();
  }

  /** The step by e-mail to the address the citizen gave (a failure is logged, never fatal). */
  private void notifyCitizen(RequestView view, RequestStatus status, String reason) {
    if (view.contactEmail() == null) {
      return;
    }
    String command = tenant.require().displayName();
    String text =
        "Gentile cittadino,\n\n"
            + status.citizenEmailSentence()
            + "\n\nRichiesta n. "
            + view.id()
            + " - "
            + view.kindLabel()
            + "\nVerbale n. "
            + view.verbaleNumber()
            + "\nStato: "
            + status.label()
            + (reason == null ? "" : "\nMotivazione: " + reason)
            + "\n\nPuò seguire la richiesta nel portale dei servizi di "
            + command
            + ", alla pagina del verbale.\n\n"
            + command
            + "\n";
    try {
      mail.sendWithPlatformFallback(
          List.of(view.contactEmail()),
          view.kindLabel() + " n. " + view.id() + " - " + status.label() + " - " + command,
          text);
      em.createNativeQuery(
              "update citizen_request_event set mailed = true where id = (select max(id) from"
                  + " citizen_request_event where request_id = ?1)")
          .setParameter(1, view.id())
          .executeUpdate();
    } catch (CommandMail.NotSent e) {
      LOG.warnf(
          "Request %d: the e-mail to the citizen was not sent: %s", view.id(), e.getMessage());
    }
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static PortalRuleException notFound() {
    return new PortalRuleException(
        "portal.request.not-found", "Richiesta o verbale non disponibile.", Kind.NOT_FOUND);
  }
}
