package it.ksanctions.articles.application;

import static it.ksanctions.permissions.domain.AppAction.ACCESS;
import static it.ksanctions.permissions.domain.AppAction.CREATE;
import static it.ksanctions.permissions.domain.AppAction.DELETE_LOGICAL;
import static it.ksanctions.permissions.domain.AppAction.EDIT;
import static it.ksanctions.permissions.domain.AppAction.EXPORT_NOTIFY;
import static it.ksanctions.permissions.domain.AppModule.ARTICLES;

import it.ksanctions.articles.domain.AccessorySanction;
import it.ksanctions.articles.domain.AlignmentNotice;
import it.ksanctions.articles.domain.ArticleChange;
import it.ksanctions.articles.domain.ArticleCode;
import it.ksanctions.articles.domain.ArticleHistory;
import it.ksanctions.articles.domain.ArticleImport;
import it.ksanctions.articles.domain.ArticleParticulars;
import it.ksanctions.articles.domain.ArticleStatus;
import it.ksanctions.articles.domain.ArticleVersion;
import it.ksanctions.articles.domain.CataloguedVersion;
import it.ksanctions.articles.domain.ImportProblem;
import it.ksanctions.articles.infrastructure.ArticleCsvReader;
import it.ksanctions.articles.infrastructure.ArticleExcelReader;
import it.ksanctions.articles.infrastructure.ArticlePdf;
import it.ksanctions.articles.infrastructure.ArticleVersionRow;
import it.ksanctions.permissions.application.AdministrationException;
import it.ksanctions.permissions.application.AuditRecorder;
import it.ksanctions.permissions.application.Authorized;
import it.ksanctions.permissions.application.CurrentStaff;
import it.ksanctions.permissions.domain.AuditOperation;
import it.ksanctions.shared.TabularExport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Maintenance of the current tenant's Articles catalogue (SPEC ART-1..8), authorised by the
 * Permissions module: search with filters, an article's versions with their alignment notices, a
 * new version from a day (confirmed, with reason and legal source), suspension and repeal, the
 * all-or-nothing CSV import, and exports of a search. Every change and export is audited.
 */
@ApplicationScoped
@Transactional
public class ArticleAdministration {

  /** The largest import file: 5 MB, about 30,000 articles. */
  public static final long MAX_IMPORT_BYTES = 5L * 1024 * 1024;

  public static final int MAX_RESULTS = 2_000;

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  @Inject AuditRecorder audit;
  @Inject CurrentStaff currentStaff;
  @Inject ArticleUsage usage;

  Clock clock = Clock.systemUTC();

  /** Filters of the catalogue search; null or blank ones do not filter. */
  public record Query(
      String text,
      String category,
      ArticleStatus status,
      LocalDate validOn,
      LocalDate changedSince) {

    public static Query all() {
      return new Query(null, null, null, null, null);
    }
  }

  /** An article with every version, oldest first, and what is inconsistent between them. */
  public record Detail(
      String code,
      ArticleStatus status,
      List<CataloguedVersion> versions,
      List<AlignmentNotice> notices) {}

  /** The outcome of an import: what was stored, or every problem found (then nothing is). */
  public record ImportReport(int imported, List<ImportProblem> problems) {
    public boolean accepted() {
      return problems.isEmpty();
    }
  }

  @Authorized(module = ARTICLES, action = ACCESS)
  public List<CataloguedVersion> search(Query query) {
    return find(query).stream().map(ArticleVersionRow::toCatalogued).toList();
  }

  @Authorized(module = ARTICLES, action = ACCESS)
  public List<String> categories() {
    return em.createQuery(
            "select distinct a.category from ArticleVersionRow a order by a.category", String.class)
        .getResultList();
  }

  @Authorized(module = ARTICLES, action = ACCESS)
  public Detail detail(String code) {
    List<ArticleVersionRow> versions = versionsOf(code);
    ArticleHistory history = history(versions);
    return new Detail(
        versions.get(0).getCode(),
        history.status(),
        versions.stream().map(ArticleVersionRow::toCatalogued).toList(),
        history.alignmentNotices(usesAfterRepeal(versions, history)));
  }

  /**
   * ART-8: how many open pre-notices and detections use a repealed article for a violation after
   * its repeal (0 for an article not repealed).
   */
  private long usesAfterRepeal(List<ArticleVersionRow> versions, ArticleHistory history) {
    LocalDate lastDay = versions.get(versions.size() - 1).getValidTo();
    if (history.status() != ArticleStatus.REPEALED || lastDay == null) {
      return 0;
    }
    return usage.openUsesSince(versions.get(0).getCode(), lastDay.plusDays(1));
  }

  /**
   * A new version of an active article from {@code from} (ART-2): the current version ends the day
   * before. Amount changes need the explicit confirmation, a reason and the legal source (ART-7).
   * The night increase and a local article's municipal reduced amount are carried over from the
   * current version (the latter while it fits the new limits; {@link ArticleHistory#changeFrom}).
   */
  @Authorized(module = ARTICLES, action = EDIT)
  public Detail newVersion(
      String code,
      LocalDate from,
      String description,
      BigDecimal minimum,
      BigDecimal maximum,
      Set<AccessorySanction> sanctions,
      String reason,
      String legalSource,
      boolean confirmed) {
    return addVersion(
        code,
        from,
        description,
        null,
        reason,
        legalSource,
        confirmed,
        (history, change) -> history.changeFrom(from, minimum, maximum, sanctions, change));
  }

  /**
   * A new version as above with every value given, as the back office's form sends them: {@code
   * municipalReducedAmount} is the reduced amount set by the Giunta for a local regulation (L.
   * 689/1981 art. 16 c. 2; null = none, art. 16 c. 1 applies), refused on a Highway Code article
   * and outside minimum–maximum; {@code nightIncrease} is the +1/3 of art. 195 c. 2-bis CdS,
   * ignored for a local article.
   */
  @Authorized(module = ARTICLES, action = EDIT)
  public Detail newVersion(
      String code,
      LocalDate from,
      String description,
      BigDecimal minimum,
      BigDecimal maximum,
      BigDecimal municipalReducedAmount,
      boolean nightIncrease,
      Set<AccessorySanction> sanctions,
      String reason,
      String legalSource,
      boolean confirmed) {
    return newVersion(
        code,
        from,
        description,
        null,
        null,
        null,
        minimum,
        maximum,
        municipalReducedAmount,
        nightIncrease,
        sanctions,
        reason,
        legalSource,
        confirmed,
        true);
  }

  /**
   * A new version with every value given, as the back office's form sends them, including what
   * officers read (SPEC ART-1): {@code shortDescription} at most 80 characters (blank = taken from
   * the description), {@code points} the licence points 0–10 (null = those of the current version),
   * {@code operatingNotes} free text (blank = none). A change of points is a change of what the
   * violation costs: like amounts it needs the explicit confirmation, the reason and the legal
   * source, and starts a new version.
   */
  @Authorized(module = ARTICLES, action = EDIT)
  public Detail newVersion(
      String code,
      LocalDate from,
      String description,
      String shortDescription,
      Integer points,
      String operatingNotes,
      BigDecimal minimum,
      BigDecimal maximum,
      BigDecimal municipalReducedAmount,
      boolean nightIncrease,
      Set<AccessorySanction> sanctions,
      String reason,
      String legalSource,
      boolean confirmed) {
    return newVersion(
        code,
        from,
        description,
        shortDescription,
        points,
        operatingNotes,
        minimum,
        maximum,
        municipalReducedAmount,
        nightIncrease,
        sanctions,
        reason,
        legalSource,
        confirmed,
        false);
  }

  private Detail newVersion(
      String code,
      LocalDate from,
      String description,
      String shortDescription,
      Integer points,
      String operatingNotes,
      BigDecimal minimum,
      BigDecimal maximum,
      BigDecimal municipalReducedAmount,
      boolean nightIncrease,
      Set<AccessorySanction> sanctions,
      String reason,
      String legalSource,
      boolean confirmed,
      boolean carryParticulars) {
    return addVersion(
        code,
        from,
        description,
        carryParticulars
            ? null
            : latest -> {
              String text = newDescription(description, latest);
              return ArticleParticulars.of(
                  shortDescription,
                  text,
                  points == null ? latest.getPoints() : points,
                  operatingNotes);
            },
        reason,
        legalSource,
        confirmed,
        (history, change) -> {
          requireValidMunicipalAmount(history.code(), minimum, maximum, municipalReducedAmount);
          return history.changeFrom(
              from, minimum, maximum, municipalReducedAmount, nightIncrease, sanctions, change);
        });
  }

  private Detail addVersion(
      String code,
      LocalDate from,
      String description,
      Function<ArticleVersionRow, ArticleParticulars> particularsOf,
      String reason,
      String legalSource,
      boolean confirmed,
      BiFunction<ArticleHistory, ArticleChange, ArticleHistory> changeFrom) {
    List<ArticleVersionRow> versions = versionsOf(code);
    ArticleVersionRow latest = versions.get(versions.size() - 1);
    ArticleChange change = change(reason, legalSource, confirmed);
    if (from == null) {
      throw refused(
          "The day the new version starts is required",
          "Indicare da quale giorno vale la nuova versione.");
    }
    ArticleParticulars particulars =
        particularsOf == null ? latest.particulars() : particularsOf.apply(latest);
    ArticleHistory changed = changeFrom.apply(history(versions), change);
    ArticleVersion next = changed.entries().get(changed.entries().size() - 1).version();
    int previousPoints = latest.getPoints();
    latest.endOn(from.minusDays(1));
    em.persist(
        ArticleVersionRow.of(
            next,
            newDescription(description, latest),
            particulars,
            latest.getCategory(),
            latest.isLocalRegulation(),
            change));
    em.flush();
    audit.record(
        ARTICLES,
        "Nuova versione",
        AuditOperation.CHANGE,
        code
            + " dal "
            + from
            + (particulars.points() == previousPoints
                ? ""
                : " (punti " + previousPoints + " → " + particulars.points() + ")"));
    return detail(code);
  }

  /** The description of a new version: the one given, or the current version's when blank. */
  private static String newDescription(String description, ArticleVersionRow latest) {
    return description == null || description.isBlank()
        ? latest.getDescription()
        : description.strip();
  }

  /**
   * A new article: Highway Code (e.g. {@code 142c8}) or local regulation (ART-5), without a
   * municipal reduced amount.
   */
  @Authorized(module = ARTICLES, action = CREATE)
  public Detail create(
      String code,
      boolean localRegulation,
      String description,
      String category,
      BigDecimal minimum,
      BigDecimal maximum,
      boolean nightIncrease,
      Set<AccessorySanction> sanctions,
      LocalDate from,
      String reason,
      String legalSource,
      boolean confirmed) {
    return create(
        code,
        localRegulation,
        description,
        category,
        minimum,
        maximum,
        null,
        nightIncrease,
        sanctions,
        from,
        reason,
        legalSource,
        confirmed);
  }

  /**
   * A new article: Highway Code (e.g. {@code 142c8}) or local regulation (ART-5). {@code
   * municipalReducedAmount} is the reduced amount set by the Giunta for a local regulation (L.
   * 689/1981 art. 16 c. 2; null = none), refused on a Highway Code article and outside
   * minimum–maximum; {@code nightIncrease} (art. 195 c. 2-bis CdS) is ignored for a local article.
   */
  @Authorized(module = ARTICLES, action = CREATE)
  public Detail create(
      String code,
      boolean localRegulation,
      String description,
      String category,
      BigDecimal minimum,
      BigDecimal maximum,
      BigDecimal municipalReducedAmount,
      boolean nightIncrease,
      Set<AccessorySanction> sanctions,
      LocalDate from,
      String reason,
      String legalSource,
      boolean confirmed) {
    return create(
        code,
        localRegulation,
        description,
        null,
        0,
        null,
        category,
        minimum,
        maximum,
        municipalReducedAmount,
        nightIncrease,
        sanctions,
        from,
        reason,
        legalSource,
        confirmed);
  }

  /**
   * A new article with what officers read (SPEC ART-1): {@code shortDescription} at most 80
   * characters (blank = taken from the description), {@code points} the licence points 0–10 (null =
   * 0), {@code operatingNotes} free text (blank = none); the rest as above.
   */
  @Authorized(module = ARTICLES, action = CREATE)
  public Detail create(
      String code,
      boolean localRegulation,
      String description,
      String shortDescription,
      Integer points,
      String operatingNotes,
      String category,
      BigDecimal minimum,
      BigDecimal maximum,
      BigDecimal municipalReducedAmount,
      boolean nightIncrease,
      Set<AccessorySanction> sanctions,
      LocalDate from,
      String reason,
      String legalSource,
      boolean confirmed) {
    ArticleCode parsed = localRegulation ? ArticleCode.local(code) : ArticleCode.parse(code);
    if (!versionsOfCode(parsed.value()).isEmpty()) {
      throw refused(
          "Article " + parsed.value() + " exists already",
          "L'articolo " + parsed.value() + " esiste già: aggiungere una nuova versione.");
    }
    if (description == null || description.isBlank()) {
      throw refused("A description is required", "La descrizione è obbligatoria.");
    }
    ArticleChange change = change(reason, legalSource, confirmed);
    ArticleParticulars particulars =
        ArticleParticulars.of(shortDescription, description, points, operatingNotes);
    requireValidMunicipalAmount(parsed, minimum, maximum, municipalReducedAmount);
    ArticleVersion version =
        new ArticleVersion(
            parsed, minimum, maximum, nightIncrease, sanctions, from, null, municipalReducedAmount);
    em.persist(
        ArticleVersionRow.of(
            version,
            description.strip(),
            particulars,
            category == null || category.isBlank() ? "Altro" : category.strip(),
            // A code starting with a letter is local whether or not the box was ticked.
            localRegulation || parsed.isLocal(),
            change));
    em.flush();
    audit.record(ARTICLES, "Nuovo articolo", AuditOperation.CHANGE, parsed.value());
    return detail(parsed.value());
  }

  /** Suspends or reactivates an article (status only; versions unchanged). */
  @Authorized(module = ARTICLES, action = EDIT)
  public Detail changeStatus(String code, ArticleStatus status, String reason) {
    if (status == ArticleStatus.REPEALED) {
      throw refused("Use repeal for a repeal", "Per l'abrogazione indicare la data e la fonte.");
    }
    if (reason == null || reason.isBlank()) {
      throw refused("A reason is required", "Indicare la motivazione.");
    }
    List<ArticleVersionRow> versions = versionsOf(code);
    ArticleVersionRow latest = versions.get(versions.size() - 1);
    if (ArticleStatus.valueOf(latest.getStatus()) == ArticleStatus.REPEALED) {
      throw refused(
          "A repealed article stays repealed", "Un articolo abrogato non cambia più stato.");
    }
    latest.changeStatus(status.name());
    audit.record(
        ARTICLES,
        "Stato articolo: " + status,
        AuditOperation.CHANGE,
        code + " — " + reason.strip());
    return detail(code);
  }

  /** Repeals an article from a day (ART-7: its history stays, used articles are flagged). */
  @Authorized(module = ARTICLES, action = DELETE_LOGICAL)
  public Detail repeal(
      String code, LocalDate from, String reason, String legalSource, boolean confirmed) {
    List<ArticleVersionRow> versions = versionsOf(code);
    ArticleChange change = change(reason, legalSource, confirmed);
    history(versions).repealFrom(from, change);
    ArticleVersionRow latest = versions.get(versions.size() - 1);
    latest.endOn(from.minusDays(1));
    latest.changeStatus(ArticleStatus.REPEALED.name());
    audit.record(ARTICLES, "Abrogazione", AuditOperation.DELETE, code + " dal " + from);
    return detail(code);
  }

  /**
   * Deletes an article entered by mistake, with every version. An article used by a pre-notice or a
   * detection is never deleted (ART-7): it can only be repealed.
   */
  @Authorized(module = ARTICLES, action = DELETE_LOGICAL)
  public void delete(String code) {
    List<ArticleVersionRow> versions = versionsOf(code);
    String stored = versions.get(0).getCode();
    history(versions).ensureDeletable(usage.uses(stored));
    versions.forEach(em::remove);
    em.flush();
    audit.record(ARTICLES, "Eliminazione articolo", AuditOperation.DELETE, stored);
  }

  /**
   * Imports article versions from a CSV file, all or nothing (ART-3): the report names every
   * problem with its row and column; a version that exists already (same code and start) is one.
   */
  @Authorized(module = ARTICLES, action = CREATE)
  public ImportReport importCsv(InputStream file, String fileName) {
    return store(new ArticleCsvReader(MAX_IMPORT_BYTES).read(file), fileName);
  }

  /** The same import from the first sheet of an Excel workbook (.xlsx), same columns and rules. */
  @Authorized(module = ARTICLES, action = CREATE)
  public ImportReport importExcel(InputStream file, String fileName) {
    return store(new ArticleExcelReader(MAX_IMPORT_BYTES).read(file), fileName);
  }

  private ImportReport store(ArticleImport parsed, String fileName) {
    if (!parsed.acceptable()) {
      return rejected(parsed.problems(), fileName);
    }
    List<ImportProblem> problems = new ArrayList<>();
    Map<String, List<LocalDate>> existing = new LinkedHashMap<>();
    for (Object[] row :
        em.createQuery("select a.code, a.validFrom from ArticleVersionRow a", Object[].class)
            .getResultList()) {
      existing.computeIfAbsent((String) row[0], k -> new ArrayList<>()).add((LocalDate) row[1]);
    }
    for (int i = 0; i < parsed.versions().size(); i++) {
      ArticleVersion v = parsed.versions().get(i);
      if (existing.getOrDefault(v.code().value(), List.of()).contains(v.validFrom())) {
        problems.add(
            new ImportProblem(
                i + 2,
                "codice",
                "L'articolo "
                    + v.code().value()
                    + " con validità dal "
                    + v.validFrom()
                    + " è già nel catalogo"));
      }
    }
    if (!problems.isEmpty()) {
      return rejected(problems, fileName);
    }
    String author = currentStaff.requireActive().username();
    Instant now = Instant.now(clock);
    for (int i = 0; i < parsed.versions().size(); i++) {
      ArticleVersion v = parsed.versions().get(i);
      em.persist(
          ArticleVersionRow.of(
              v,
              parsed.descriptions().get(i),
              parsed.particulars().get(i),
              "Importati",
              !v.code().isHighwayCode(),
              new ArticleChange(
                  author,
                  now,
                  true,
                  "Importazione da " + (fileName == null ? "file" : fileName),
                  parsed.legalSources().get(i))));
      if (i % 500 == 499) {
        em.flush();
        em.clear();
      }
    }
    em.flush();
    audit.record(
        ARTICLES,
        "Importazione",
        AuditOperation.CHANGE,
        parsed.versions().size() + " versioni da " + fileName);
    return new ImportReport(parsed.versions().size(), List.of());
  }

  /** A rejected import is an anomaly (ART-8): logged with file, user and the first rows. */
  private ImportReport rejected(List<ImportProblem> problems, String fileName) {
    String rows =
        problems.stream()
            .limit(5)
            .map(p -> "riga " + p.row() + (p.column().isEmpty() ? "" : " " + p.column()))
            .collect(Collectors.joining(", "));
    audit.record(
        ARTICLES,
        "Importazione rifiutata",
        AuditOperation.VALIDATE,
        (fileName == null ? "file" : fileName)
            + ": "
            + problems.size()
            + " problemi ("
            + rows
            + ")");
    return new ImportReport(0, problems);
  }

  @Authorized(module = ARTICLES, action = EXPORT_NOTIFY)
  public byte[] exportCsv(Query query) {
    List<ArticleVersionRow> rows = find(query);
    byte[] csv =
        TabularExport.csv(HEADERS, rows.stream().map(ArticleAdministration::cells).toList());
    audit.record(ARTICLES, "Esportazione CSV", AuditOperation.EXPORT, rows.size() + " versioni");
    return csv;
  }

  @Authorized(module = ARTICLES, action = EXPORT_NOTIFY)
  public byte[] exportExcel(Query query) {
    List<ArticleVersionRow> rows = find(query);
    byte[] xlsx =
        TabularExport.xlsx(
            "Articoli",
            HEADERS,
            rows.stream()
                .map(
                    row -> {
                      String[] text = cells(row);
                      // A copy typed Object[]: a String[] would refuse the numbers.
                      Object[] cells = Arrays.copyOf(text, text.length, Object[].class);
                      cells[3] = row.getMinimumAmount();
                      cells[4] = row.getMaximumAmount();
                      cells[5] = row.getMunicipalReducedAmount();
                      cells[13] = row.getPoints();
                      return cells;
                    })
                .toList());
    audit.record(ARTICLES, "Esportazione Excel", AuditOperation.EXPORT, rows.size() + " versioni");
    return xlsx;
  }

  /** The search result as a printable PDF list (A4 landscape), with the command's name. */
  @Authorized(module = ARTICLES, action = EXPORT_NOTIFY)
  public byte[] exportPdf(Query query, String commandName) {
    List<ArticleVersionRow> rows = find(query);
    byte[] pdf = ArticlePdf.render(rows, commandName, HEADERS, ArticleAdministration::cells);
    audit.record(ARTICLES, "Esportazione PDF", AuditOperation.EXPORT, rows.size() + " versioni");
    return pdf;
  }

  /**
   * The columns of the CSV, Excel and PDF exports (package-private for the unit test); columns
   * added later go at the end, so that readers of older exports find theirs where they were.
   */
  static final String[] HEADERS = {
    "Codice",
    "Descrizione",
    "Categoria",
    "Minimo",
    "Massimo",
    "Importo ridotto comunale",
    "Maggiorazione notturna",
    "Sanzioni accessorie",
    "Stato",
    "Valido dal",
    "Valido al",
    "Fonte normativa",
    "Descrizione breve",
    "Punti patente",
    "Note operative"
  };

  static String[] cells(ArticleVersionRow row) {
    return new String[] {
      row.getCode(),
      row.getDescription(),
      row.getCategory(),
      row.getMinimumAmount().toPlainString().replace('.', ','),
      row.getMaximumAmount().toPlainString().replace('.', ','),
      row.getMunicipalReducedAmount() == null
          ? ""
          : row.getMunicipalReducedAmount().toPlainString().replace('.', ','),
      row.isNightIncrease() ? "sì" : "no",
      row.getAccessorySanctions().stream()
          .map(Enum::name)
          .sorted()
          .collect(Collectors.joining("|")),
      row.getStatus(),
      row.getValidFrom().toString(),
      row.getValidTo() == null ? "" : row.getValidTo().toString(),
      row.getLegalSource(),
      row.getShortDescription(),
      Integer.toString(row.getPoints()),
      row.getOperatingNotes() == null ? "" : row.getOperatingNotes()
    };
  }

  private List<ArticleVersionRow> find(Query q) {
    StringBuilder jpql = new StringBuilder("select a from ArticleVersionRow a where 1 = 1");
    boolean text = q.text() != null && !q.text().isBlank();
    boolean category = q.category() != null && !q.category().isBlank();
    if (text)
      jpql.append(
          " and (lower(a.code) like :text or lower(a.description) like :text"
              + " or lower(a.shortDescription) like :text)");
    if (category) jpql.append(" and a.category = :category");
    if (q.status() != null) jpql.append(" and a.status = :status");
    if (q.validOn() != null)
      jpql.append(" and a.validFrom <= :day and (a.validTo is null or a.validTo >= :day)");
    if (q.changedSince() != null) jpql.append(" and a.changedAt >= :since");
    jpql.append(" order by a.code, a.validFrom");
    TypedQuery<ArticleVersionRow> query = em.createQuery(jpql.toString(), ArticleVersionRow.class);
    if (text) {
      String needle = q.text().strip().toLowerCase(Locale.ROOT);
      // "142 c. 8", "art. 142 c 8" and "142c8" find the same article.
      String compact =
          needle.replaceAll("^art\\.?\\s*", "").replaceAll("\\s*c\\.?\\s*(?=\\d)", "c");
      query.setParameter("text", "%" + (compact.matches("\\d+c\\d+.*") ? compact : needle) + "%");
    }
    if (category) query.setParameter("category", q.category().strip());
    if (q.status() != null) query.setParameter("status", q.status().name());
    if (q.validOn() != null) query.setParameter("day", q.validOn());
    if (q.changedSince() != null)
      query.setParameter(
          "since", q.changedSince().atStartOfDay(ZoneId.of("Europe/Rome")).toInstant());
    return query.setMaxResults(MAX_RESULTS).getResultList();
  }

  private List<ArticleVersionRow> versionsOf(String code) {
    List<ArticleVersionRow> versions = code == null ? List.of() : versionsOfCode(code.strip());
    if (versions.isEmpty()) {
      throw refused(
          "There is no article " + code, "L'articolo " + code + " non è nel catalogo del comando.");
    }
    return versions;
  }

  private List<ArticleVersionRow> versionsOfCode(String code) {
    return em.createQuery(
            "select a from ArticleVersionRow a where a.code = :code order by a.validFrom",
            ArticleVersionRow.class)
        .setParameter("code", code)
        .getResultList();
  }

  private static ArticleHistory history(List<ArticleVersionRow> versions) {
    ArticleStatus status = ArticleStatus.valueOf(versions.get(versions.size() - 1).getStatus());
    return ArticleHistory.of(versions.stream().map(ArticleVersionRow::toDomain).toList(), status);
  }

  private ArticleChange change(String reason, String legalSource, boolean confirmed) {
    return new ArticleChange(
        currentStaff.requireActive().username(),
        Instant.now(clock),
        confirmed,
        reason,
        legalSource);
  }

  /**
   * Refuses, in the administrator's words, a reduced amount of the Giunta (L. 689/1981 art. 16 c.
   * 2) that the domain would refuse: on a Highway Code article, not a positive sum in euro and
   * cents, or outside the version's minimum and maximum (when those are valid; otherwise the domain
   * names what is wrong with them). Package-private for its unit test.
   */
  static void requireValidMunicipalAmount(
      ArticleCode code, BigDecimal minimum, BigDecimal maximum, BigDecimal amount) {
    if (amount == null) {
      return;
    }
    if (code.isHighwayCode()) {
      throw refused(
          "A municipal reduced amount applies only to local regulations, not to " + code.value(),
          "L'importo ridotto stabilito dalla Giunta (art. 16 c. 2 L. 689/1981) vale solo per"
              + " regolamenti e ordinanze comunali: l'articolo "
              + code.value()
              + " è del Codice della Strada. Lasciare il campo vuoto.");
    }
    if (amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2) {
      throw refused(
          "The municipal reduced amount " + amount + " is not a positive sum in cents",
          "L'importo ridotto stabilito dalla Giunta deve essere maggiore di zero, in euro con al"
              + " più due decimali.");
    }
    if (minimum != null
        && maximum != null
        && minimum.compareTo(maximum) <= 0
        && (amount.compareTo(minimum) < 0 || amount.compareTo(maximum) > 0)) {
      throw refused(
          "The municipal reduced amount " + amount + " is outside " + minimum + "–" + maximum,
          "L'importo ridotto stabilito dalla Giunta ("
              + euro(amount)
              + " €) deve essere compreso tra il minimo ("
              + euro(minimum)
              + " €) e il massimo ("
              + euro(maximum)
              + " €) della versione (art. 16 c. 2 L. 689/1981).");
    }
  }

  /** An amount as the office writes it: {@code 106,67}. */
  private static String euro(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_UP).toPlainString().replace('.', ',');
  }

  private static AdministrationException refused(String message, String italian) {
    return new AdministrationException(message, italian);
  }
}
