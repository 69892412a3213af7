package it.ksanctions.command.application;

import static it.ksanctions.permissions.domain.AppAction.ACCESS;
import static it.ksanctions.permissions.domain.AppAction.CREATE;
import static it.ksanctions.permissions.domain.AppAction.DELETE_LOGICAL;
import static it.ksanctions.permissions.domain.AppAction.EDIT;
import static it.ksanctions.permissions.domain.AppAction.EXPORT_NOTIFY;
import static it.ksanctions.permissions.domain.AppModule.COMMAND;

import it.ksanctions.command.domain.AllocationPlan;
import it.ksanctions.command.domain.BudgetChapter;
import it.ksanctions.command.domain.ChapterAllocation;
import it.ksanctions.command.domain.ChapterType;
import it.ksanctions.command.domain.CommandRuleException;
import it.ksanctions.command.domain.ConfigCategory;
import it.ksanctions.command.infrastructure.AllocationRow;
import it.ksanctions.command.infrastructure.ChapterRow;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The budget chapters of the current command and the split of each violation type's revenue over
 * them (SPEC CMD-3, CMD-7): chapters are created, changed and deactivated (never deleted; not while
 * verbali or a split use them); a type's split is replaced as a whole and must total 100 %; every
 * change is in the configuration register; the accounting data are exported for the body's
 * financial office.
 */
@ApplicationScoped
@Transactional
public class BudgetChapters {

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  @Inject CurrentStaff currentStaff;
  @Inject AuditRecorder audit;
  @Inject ConfigurationRegister register;
  @Inject CommandRuns runs;
  @Inject CommandUsage usage;

  Clock clock = Clock.systemUTC();

  /** A chapter with its state and use. */
  public record ChapterView(
      BudgetChapter chapter,
      boolean active,
      int version,
      Instant updatedAt,
      String updatedBy,
      long uses) {}

  @Authorized(module = COMMAND, action = ACCESS)
  public List<ChapterView> chapters() {
    return em
        .createQuery("select c from ChapterRow c order by c.code", ChapterRow.class)
        .getResultList()
        .stream()
        .map(
            c ->
                new ChapterView(
                    c.toDomain(),
                    c.active(),
                    c.version(),
                    c.updatedAt(),
                    c.updatedBy(),
                    usage.chapterUses(c.code())))
        .toList();
  }

  /** Every chapter code, active or not (for the anomaly checks). */
  public List<String> allCodes() {
    return em.createQuery("select c.code from ChapterRow c", String.class).getResultList();
  }

  @Authorized(module = COMMAND, action = CREATE)
  public BudgetChapter create(BudgetChapter chapter, String reference) {
    runs.ensureConfigurationMayChange();
    BudgetChapter valid = chapter.validated();
    if (em.find(ChapterRow.class, valid.code()) != null) {
      throw new CommandRuleException(
          "command.chapter.duplicate",
          "Esiste già un capitolo con codice " + valid.code() + ": i codici sono unici.");
    }
    em.persist(ChapterRow.of(valid, Instant.now(clock), currentStaff.requireActive().username()));
    register.record(
        ConfigCategory.CHAPTERS, "Capitolo " + valid.code(), null, describe(valid), reference);
    audit.record(COMMAND, "Capitoli: nuovo", AuditOperation.CHANGE, valid.code());
    em.flush();
    return valid;
  }

  @Authorized(module = COMMAND, action = EDIT)
  public BudgetChapter change(BudgetChapter chapter, String reference) {
    runs.ensureConfigurationMayChange();
    BudgetChapter valid = chapter.validated();
    ChapterRow row = requireActive(valid.code());
    BudgetChapter before = row.toDomain();
    if (before.type() == ChapterType.REVENUE
        && valid.type() != ChapterType.REVENUE
        && !currentShares(valid.code()).isEmpty()) {
      throw new CommandRuleException(
          "command.chapter.type-in-split",
          "Il capitolo "
              + valid.code()
              + " riceve quote di proventi: toglierlo dai piani di imputazione prima di renderlo"
              + " un capitolo di spesa.");
    }
    row.apply(valid, Instant.now(clock), currentStaff.requireActive().username());
    register.record(
        ConfigCategory.CHAPTERS,
        "Capitolo " + valid.code(),
        describe(before),
        describe(valid),
        reference);
    audit.record(COMMAND, "Capitoli: modifica", AuditOperation.CHANGE, valid.code());
    return valid;
  }

  /** Deactivates a chapter: refused while verbali or a current split use it. */
  @Authorized(module = COMMAND, action = DELETE_LOGICAL)
  public void deactivate(String code, String reason) {
    runs.ensureConfigurationMayChange();
    ChapterRow row = requireActive(code);
    if (reason == null || reason.isBlank()) {
      throw new CommandRuleException(
          "command.chapter.reason-missing", "Indicare il motivo della disattivazione.");
    }
    long uses = usage.chapterUses(row.code());
    if (uses > 0) {
      throw new CommandRuleException(
          "command.chapter.in-use",
          "Il capitolo "
              + row.code()
              + " è usato da "
              + uses
              + (uses == 1 ? " verbale" : " verbali")
              + " emessi: non si può eliminare.");
    }
    List<String> types =
        currentShares(row.code()).stream().map(ChapterAllocation::violationType).toList();
    if (!types.isEmpty()) {
      throw new CommandRuleException(
          "command.chapter.in-split",
          "Il capitolo "
              + row.code()
              + " è nei piani di imputazione di: "
              + String.join(", ", types)
              + ". Modificare prima quei piani.");
    }
    row.deactivate(Instant.now(clock), currentStaff.requireActive().username());
    register.record(
        ConfigCategory.CHAPTERS, "Capitolo " + row.code(), "attivo", "disattivato", reason);
    audit.record(COMMAND, "Capitoli: disattivazione", AuditOperation.DELETE, row.code());
  }

  /** The current split of every violation type, by type. */
  @Authorized(module = COMMAND, action = ACCESS)
  public Map<String, List<ChapterAllocation>> plans() {
    return currentAllocations().stream()
        .collect(
            Collectors.groupingBy(
                ChapterAllocation::violationType, LinkedHashMap::new, Collectors.toList()));
  }

  /** Every current share (for the anomaly checks). */
  public List<ChapterAllocation> currentAllocations() {
    return currentRows().stream().map(AllocationRow::toDomain).toList();
  }

  /** The split for an article category: its own plan, else the default plan (may be empty). */
  public List<ChapterAllocation> planFor(String articleCategory) {
    Map<String, List<ChapterAllocation>> byType =
        currentAllocations().stream()
            .collect(Collectors.groupingBy(ChapterAllocation::violationType));
    return byType.getOrDefault(
        articleCategory, byType.getOrDefault(AllocationPlan.DEFAULT_TYPE, List.of()));
  }

  /** Replaces the split of one violation type; the shares must total 100 %. */
  @Authorized(module = COMMAND, action = EDIT)
  public List<ChapterAllocation> savePlan(
      String violationType, List<ChapterAllocation> shares, String reference) {
    runs.ensureConfigurationMayChange();
    Set<String> revenue =
        em
            .createQuery(
                "select c from ChapterRow c where c.active = true and c.type = :t",
                ChapterRow.class)
            .setParameter("t", ChapterType.REVENUE)
            .getResultList()
            .stream()
            .map(ChapterRow::code)
            .collect(Collectors.toSet());
    List<ChapterAllocation> valid = AllocationPlan.checkType(violationType, shares, revenue);
    String type = valid.get(0).violationType();
    Instant now = Instant.now(clock);
    String by = currentStaff.requireActive().username();
    List<AllocationRow> old = currentRows(type);
    String before =
        old.isEmpty() ? null : describe(old.stream().map(AllocationRow::toDomain).toList());
    old.forEach(r -> r.close(now));
    valid.forEach(a -> em.persist(AllocationRow.of(a, now, by)));
    register.record(
        ConfigCategory.CHAPTERS, "Imputazione " + type, before, describe(valid), reference);
    audit.record(COMMAND, "Capitoli: piano di imputazione", AuditOperation.CHANGE, type);
    em.flush();
    return valid;
  }

  /** Removes the split of a violation type (its violations then follow the default plan). */
  @Authorized(module = COMMAND, action = EDIT)
  public void removePlan(String violationType, String reference) {
    runs.ensureConfigurationMayChange();
    List<AllocationRow> old = currentRows(violationType);
    if (old.isEmpty()) {
      throw new CommandRuleException(
          "command.allocation.unknown-type",
          "Nessun piano di imputazione per " + violationType + ".");
    }
    String before = describe(old.stream().map(AllocationRow::toDomain).toList());
    Instant now = Instant.now(clock);
    old.forEach(r -> r.close(now));
    register.record(
        ConfigCategory.CHAPTERS, "Imputazione " + violationType, before, "rimossa", reference);
    audit.record(COMMAND, "Capitoli: piano rimosso", AuditOperation.CHANGE, violationType);
  }

  /**
   * The accounting data for the financial office: each chapter with its type, payment reason,
   * treasury account and the shares it receives. CSV (UTF-8 with BOM, ";") or Excel.
   */
  @Authorized(module = COMMAND, action = EXPORT_NOTIFY)
  public byte[] exportAccounting(boolean excel) {
    String[] headers = {
      "codice capitolo",
      "descrizione",
      "tipologia",
      "stato",
      "causale di versamento",
      "conto di tesoreria",
      "tipo di violazione",
      "percentuale",
      "note"
    };
    List<Object[]> rows = new ArrayList<>();
    Map<String, List<ChapterAllocation>> byChapter =
        currentAllocations().stream()
            .collect(Collectors.groupingBy(ChapterAllocation::chapterCode));
    for (ChapterView view : chapters()) {
      BudgetChapter c = view.chapter();
      List<ChapterAllocation> shares = byChapter.getOrDefault(c.code(), List.of());
      List<ChapterAllocation> lines =
          shares.isEmpty() ? java.util.Collections.singletonList(null) : shares;
      for (ChapterAllocation share : lines) {
        rows.add(
            new Object[] {
              c.code(),
              c.description(),
              c.type().italianLabel(),
              view.active() ? "attivo" : "disattivato",
              Objects.toString(c.paymentReason(), ""),
              Objects.toString(c.treasuryAccount(), ""),
              share == null ? "" : share.violationType(),
              share == null ? "" : share.percentage(),
              Objects.toString(c.notes(), "")
            });
      }
    }
    audit.record(
        COMMAND,
        "Esportazione dati contabili",
        AuditOperation.EXPORT,
        rows.size() + " righe " + (excel ? "xlsx" : "csv"));
    if (excel) {
      return TabularExport.xlsx("Capitoli", headers, rows);
    }
    return TabularExport.csv(
        headers,
        rows.stream()
            .map(
                r -> {
                  String[] text = new String[r.length];
                  for (int i = 0; i < r.length; i++) {
                    text[i] =
                        r[i] instanceof java.math.BigDecimal p
                            ? p.toPlainString().replace('.', ',')
                            : String.valueOf(r[i]);
                  }
                  return text;
                })
            .toList());
  }

  private ChapterRow requireActive(String code) {
    ChapterRow row =
        code == null
            ? null
            : em.find(ChapterRow.class, code.strip().toUpperCase(java.util.Locale.ROOT));
    if (row == null || !row.active()) {
      throw new CommandRuleException(
          "command.chapter.unknown", "Capitolo " + code + " inesistente o disattivato.");
    }
    return row;
  }

  private List<ChapterAllocation> currentShares(String chapterCode) {
    return currentAllocations().stream().filter(a -> a.chapterCode().equals(chapterCode)).toList();
  }

  private List<AllocationRow> currentRows() {
    return em.createQuery(
            "select a from AllocationRow a where a.validTo is null order by a.violationType, a.id",
            AllocationRow.class)
        .getResultList();
  }

  private List<AllocationRow> currentRows(String type) {
    return em.createQuery(
            "select a from AllocationRow a where a.validTo is null and a.violationType = :t",
            AllocationRow.class)
        .setParameter("t", type == null ? "" : type.strip())
        .getResultList();
  }

  private static String describe(BudgetChapter c) {
    return c.description()
        + " — "
        + c.type().italianLabel()
        + (c.paymentReason() == null ? "" : ", causale: " + c.paymentReason())
        + (c.treasuryAccount() == null ? "" : ", conto: " + c.treasuryAccount());
  }

  private static String describe(List<ChapterAllocation> shares) {
    return shares.stream()
        .map(a -> a.chapterCode() + " " + a.percentage().toPlainString().replace('.', ',') + "%")
        .collect(Collectors.joining(", "));
  }
}
