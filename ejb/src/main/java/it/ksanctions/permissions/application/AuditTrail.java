package it.ksanctions.permissions.application;

import static it.ksanctions.permissions.domain.AppAction.EXPORT_NOTIFY;
import static it.ksanctions.permissions.domain.AppAction.MANAGE_CONFIGURATION;
import static it.ksanctions.permissions.domain.AppAction.READ_LOGS;
import static it.ksanctions.permissions.domain.AppModule.AUDIT;

import it.ksanctions.permissions.domain.AppModule;
import it.ksanctions.permissions.domain.AuditChainVerification;
import it.ksanctions.permissions.domain.AuditEvent;
import it.ksanctions.permissions.domain.AuditOperation;
import it.ksanctions.permissions.infrastructure.AuditEventRow;
import it.ksanctions.shared.TabularExport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The audit log as its readers use it (PRM-5): a viewer with filters, CSV and Excel exports, the
 * chain verification, and the retention period set per tenant. Reading and exporting the log are
 * themselves audited.
 */
@ApplicationScoped
@Transactional
public class AuditTrail {

  /** The longest result a search or an export returns; narrower filters find the rest. */
  public static final int MAX_ROWS = 10_000;

  static final String RETENTION_KEY = "audit.retention.years";

  /** Default and minimum retention: the ten years of the ordinary limitation period. */
  public static final int DEFAULT_RETENTION_YEARS = 10;

  public static final int MIN_RETENTION_YEARS = 5;
  public static final int MAX_RETENTION_YEARS = 30;

  private static final ZoneId ROME = ZoneId.of("Europe/Rome");
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss", Locale.ITALY);

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  @Inject AuditLog log;
  @Inject AuditRecorder audit;
  @Inject SettingsStore settings;

  /** What the viewer filters on; null fields do not filter. Dates are days in Italian time. */
  public record Filter(
      LocalDate from,
      LocalDate to,
      String username,
      AppModule module,
      AuditOperation operation,
      String text) {

    public static Filter all() {
      return new Filter(null, null, null, null, null, null);
    }

    String describe() {
      List<String> parts = new ArrayList<>();
      if (from != null) parts.add("dal " + from);
      if (to != null) parts.add("al " + to);
      if (username != null && !username.isBlank()) parts.add("utente " + username.strip());
      if (module != null) parts.add("modulo " + module);
      if (operation != null) parts.add("operazione " + operation);
      if (text != null && !text.isBlank()) parts.add("testo '" + text.strip() + "'");
      return parts.isEmpty() ? "nessun filtro" : String.join(", ", parts);
    }
  }

  @Authorized(module = AUDIT, action = READ_LOGS)
  public List<AuditEvent> search(Filter filter) {
    List<AuditEvent> events = find(filter);
    audit.record(
        AUDIT,
        "Consultazione registro",
        AuditOperation.READ,
        filter.describe() + ": " + events.size() + " eventi");
    return events;
  }

  @Authorized(module = AUDIT, action = EXPORT_NOTIFY)
  public byte[] exportCsv(Filter filter) {
    List<AuditEvent> events = find(filter);
    byte[] csv = TabularExport.csv(headers(), events.stream().map(AuditTrail::cells).toList());
    audit.record(
        AUDIT, "Esportazione CSV", AuditOperation.EXPORT, filter.describe() + ": " + events.size());
    return csv;
  }

  @Authorized(module = AUDIT, action = EXPORT_NOTIFY)
  public byte[] exportExcel(Filter filter) {
    List<AuditEvent> events = find(filter);
    byte[] xlsx =
        TabularExport.xlsx(
            "Registro di audit",
            headers(),
            events.stream()
                .map(
                    e -> {
                      String[] text = cells(e);
                      // A copy typed Object[]: a String[] would refuse the numbers.
                      Object[] cells = Arrays.copyOf(text, text.length, Object[].class);
                      cells[0] = e.sequenceNumber();
                      return cells;
                    })
                .toList());
    audit.record(
        AUDIT,
        "Esportazione Excel",
        AuditOperation.EXPORT,
        filter.describe() + ": " + events.size());
    return xlsx;
  }

  /** Verifies the whole chain; the result names the first broken link (PRM-5). */
  @Authorized(module = AUDIT, action = READ_LOGS)
  public AuditChainVerification verify() {
    AuditChainVerification result = log.verify();
    audit.record(
        AUDIT,
        "Verifica integrità",
        AuditOperation.VALIDATE,
        result.isIntact()
            ? "integro, " + result.verifiedEvents() + " eventi"
            : "interrotto all'evento " + result.firstBrokenLink().orElseThrow().sequenceNumber());
    return result;
  }

  /** How many years events are kept (per tenant). */
  @Authorized(module = AUDIT, action = READ_LOGS)
  public int retentionYears() {
    return settings.get(RETENTION_KEY).map(Integer::parseInt).orElse(DEFAULT_RETENTION_YEARS);
  }

  @Authorized(module = AUDIT, action = MANAGE_CONFIGURATION)
  public void changeRetention(int years) {
    if (years < MIN_RETENTION_YEARS || years > MAX_RETENTION_YEARS) {
      throw new AdministrationException(
          "Retention must be between " + MIN_RETENTION_YEARS + " and " + MAX_RETENTION_YEARS,
          "La conservazione deve essere compresa tra "
              + MIN_RETENTION_YEARS
              + " e "
              + MAX_RETENTION_YEARS
              + " anni.");
    }
    int old = retentionYears();
    settings.put(RETENTION_KEY, Integer.toString(years));
    audit.record(
        AUDIT,
        "Conservazione del registro",
        AuditOperation.CHANGE,
        "da " + old + " a " + years + " anni");
  }

  private List<AuditEvent> find(Filter filter) {
    StringBuilder jpql = new StringBuilder("select e from AuditEventRow e where 1 = 1");
    if (filter.from() != null) jpql.append(" and e.occurredAt >= :from");
    if (filter.to() != null) jpql.append(" and e.occurredAt < :to");
    if (notBlank(filter.username())) jpql.append(" and lower(e.username) = :username");
    if (filter.module() != null) jpql.append(" and e.module = :module");
    if (filter.operation() != null) jpql.append(" and e.operation = :operation");
    if (notBlank(filter.text()))
      jpql.append(" and (lower(e.recordReference) like :text or lower(e.function) like :text)");
    jpql.append(" order by e.sequenceNumber desc");
    TypedQuery<AuditEventRow> query = em.createQuery(jpql.toString(), AuditEventRow.class);
    if (filter.from() != null)
      query.setParameter("from", filter.from().atStartOfDay(ROME).toInstant());
    if (filter.to() != null)
      query.setParameter("to", filter.to().plusDays(1).atStartOfDay(ROME).toInstant());
    if (notBlank(filter.username()))
      query.setParameter("username", filter.username().strip().toLowerCase(Locale.ROOT));
    if (filter.module() != null) query.setParameter("module", filter.module().name());
    if (filter.operation() != null) query.setParameter("operation", filter.operation().name());
    if (notBlank(filter.text()))
      query.setParameter(
          "text",
          "%"
              + filter
                  .text()
                  .strip()
                  .toLowerCase(Locale.ROOT)
                  .replace("%", "\\%")
                  .replace("_", "\\_")
              + "%");
    return query.setMaxResults(MAX_ROWS).getResultList().stream()
        .map(AuditEventRow::toDomain)
        .toList();
  }

  private static String[] headers() {
    return new String[] {
      "N.", "Data e ora", "Utente", "Ruolo", "Modulo", "Funzione", "Operazione", "Riferimento"
    };
  }

  private static String[] cells(AuditEvent e) {
    return new String[] {
      Long.toString(e.sequenceNumber()),
      WHEN.format(ZonedDateTime.ofInstant(e.occurredAt(), ROME)),
      e.username(),
      e.role(),
      e.module().italianLabel(),
      e.function(),
      e.operation().italianLabel(),
      e.recordReference()
    };
  }

  private static boolean notBlank(String value) {
    return value != null && !value.isBlank();
  }
}
