package it.ksanctions.command.application;

import static it.ksanctions.permissions.domain.AppAction.ACCESS;
import static it.ksanctions.permissions.domain.AppAction.EXPORT_NOTIFY;
import static it.ksanctions.permissions.domain.AppModule.COMMAND;

import it.ksanctions.command.domain.ConfigCategory;
import it.ksanctions.command.domain.ConfigChange;
import it.ksanctions.command.infrastructure.ConfigChangeRow;
import it.ksanctions.permissions.application.AuditRecorder;
import it.ksanctions.permissions.application.Authorized;
import it.ksanctions.permissions.application.CurrentStaff;
import it.ksanctions.permissions.domain.AuditOperation;
import it.ksanctions.shared.TabularExport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

/**
 * The configuration register of the command (seed 001 §11.4 "registro delle configurazioni di
 * comando", CMD-4 and CMD-7): every change made in the Command module, with time, user, category,
 * old and new value and the administrative reference. Written in the caller's transaction, so a
 * change and its entry commit together or not at all; entries are never changed.
 *
 * <p>Callers must never pass secret values: credentials record which fields changed.
 */
@ApplicationScoped
@Transactional
public class ConfigurationRegister {

  public static final int MAX_RESULTS = 2_000;
  private static final ZoneId ROME = ZoneId.of("Europe/Rome");

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  @Inject CurrentStaff currentStaff;
  @Inject AuditRecorder audit;

  Clock clock = Clock.systemUTC();

  /** Records a change by the signed-in user. Values are trimmed to what a register shows. */
  public void record(
      ConfigCategory category, String item, String oldValue, String newValue, String reference) {
    String author = currentStaff.requireActive().username();
    if (Objects.equals(oldValue, newValue)) {
      return;
    }
    em.persist(
        ConfigChangeRow.of(
            new ConfigChange(
                Instant.now(clock), author, category, item, oldValue, newValue, blank(reference))));
  }

  /** Filters of the register; null ones do not filter. */
  public record Filter(ConfigCategory category, LocalDate from, LocalDate to, String text) {
    public static Filter all() {
      return new Filter(null, null, null, null);
    }
  }

  @Authorized(module = COMMAND, action = ACCESS)
  public List<ConfigChange> search(Filter filter) {
    StringBuilder jpql = new StringBuilder("select c from ConfigChangeRow c where 1=1");
    if (filter.category() != null) {
      jpql.append(" and c.category = :category");
    }
    if (filter.from() != null) {
      jpql.append(" and c.at >= :from");
    }
    if (filter.to() != null) {
      jpql.append(" and c.at < :to");
    }
    if (filter.text() != null && !filter.text().isBlank()) {
      jpql.append(
          " and (lower(c.item) like :text or lower(c.author) like :text"
              + " or lower(coalesce(c.reference, '')) like :text)");
    }
    jpql.append(" order by c.at desc, c.id desc");
    var query = em.createQuery(jpql.toString(), ConfigChangeRow.class).setMaxResults(MAX_RESULTS);
    if (filter.category() != null) {
      query.setParameter("category", filter.category());
    }
    if (filter.from() != null) {
      query.setParameter("from", filter.from().atStartOfDay(ROME).toInstant());
    }
    if (filter.to() != null) {
      query.setParameter("to", filter.to().plusDays(1).atStartOfDay(ROME).toInstant());
    }
    if (filter.text() != null && !filter.text().isBlank()) {
      query.setParameter("text", "%" + filter.text().strip().toLowerCase() + "%");
    }
    return query.getResultList().stream().map(ConfigChangeRow::toDomain).toList();
  }

  /** The register as CSV (UTF-8 with BOM, ";"), audited as an export. */
  @Authorized(module = COMMAND, action = EXPORT_NOTIFY)
  public byte[] exportCsv(Filter filter) {
    List<ConfigChange> changes = search(filter);
    audit.record(
        COMMAND,
        "Esportazione registro configurazioni",
        AuditOperation.EXPORT,
        changes.size() + " righe");
    DateTimeFormatter time = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss").withZone(ROME);
    return TabularExport.csv(
        new String[] {
          "data e ora",
          "utente",
          "categoria",
          "voce",
          "valore precedente",
          "nuovo valore",
          "riferimento"
        },
        changes.stream()
            .map(
                c ->
                    new String[] {
                      time.format(c.at()),
                      c.author(),
                      c.category().italianLabel(),
                      c.item(),
                      Objects.toString(c.oldValue(), ""),
                      Objects.toString(c.newValue(), ""),
                      Objects.toString(c.reference(), "")
                    })
            .toList());
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
