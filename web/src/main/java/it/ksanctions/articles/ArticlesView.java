package it.ksanctions.articles;

import it.ksanctions.articles.application.ArticleAdministration;
import it.ksanctions.articles.application.ArticleAdministration.Detail;
import it.ksanctions.articles.application.ArticleAdministration.ImportReport;
import it.ksanctions.articles.application.ArticleAdministration.Query;
import it.ksanctions.articles.domain.AccessorySanction;
import it.ksanctions.articles.domain.ArticleCode;
import it.ksanctions.articles.domain.ArticleParticulars;
import it.ksanctions.articles.domain.ArticleStatus;
import it.ksanctions.articles.domain.CataloguedVersion;
import it.ksanctions.tenancy.web.CurrentTenant;
import it.ksanctions.web.backoffice.Downloads;
import it.ksanctions.web.backoffice.Feedback;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.primefaces.model.file.UploadedFile;

/**
 * The Articles catalogue (ART-1..8): search with filters and exports, an article's versions and
 * alignment notices, a new version from a day (confirmed, with reason and legal source), new
 * Highway Code or local articles, suspension and repeal, CSV import with its per-row report.
 *
 * <p>The night increase (art. 195 c. 2-bis CdS) is a choice of the form: a new version starts from
 * the current version's flag, a new article from no increase, so an article outside art. 195's list
 * does not get +1/3 at night unless the administrator ticks it. Local articles never carry it, and
 * have instead the reduced amount set by the Giunta (L. 689/1981 art. 16 c. 2, ADR 0004).
 *
 * <p>Short description, licence points and operating notes (ART-1) are fields of both forms: a new
 * version starts from the current version's, a new article from none (short description taken from
 * the description when left empty, 0 points). The server checks them and answers in Italian.
 */
@Named
@ViewScoped
public class ArticlesView implements Serializable {

  @Inject CurrentTenant currentTenant;

  private static final long serialVersionUID = 1L;

  @Inject ArticleAdministration administration;

  // search
  private String text;
  private String category;
  private ArticleStatus status;
  private LocalDate validOn;
  private LocalDate changedSince;
  private List<CataloguedVersion> results = List.of();
  private List<String> categories = List.of();

  // detail and changes
  private Detail detail;
  private LocalDate from;
  private String description;
  private String shortDescription;
  private Integer points;
  private String operatingNotes;
  private BigDecimal minimum;
  private BigDecimal maximum;
  private BigDecimal municipalReducedAmount;
  private boolean nightIncrease;
  private List<String> sanctions = List.of();
  private String reason;
  private String legalSource;
  private boolean confirmed;

  // new article
  private String newCode;
  private boolean newLocal;
  private String newCategory;
  private boolean newNightIncrease;

  // import
  private transient UploadedFile upload;
  private ImportReport report;

  @PostConstruct
  void load() {
    search();
    List<String> found = Feedback.attempt(() -> administration.categories(), null);
    categories = found == null ? List.of() : found;
  }

  public void search() {
    List<CataloguedVersion> found = Feedback.attempt(() -> administration.search(query()), null);
    results = found == null ? List.of() : found;
  }

  public void open(String code) {
    Detail found = Feedback.attempt(() -> administration.detail(code), null);
    if (found != null) {
      show(found);
    }
  }

  /** Shows an article with the new-version form filled from its current version. */
  private void show(Detail found) {
    detail = found;
    CataloguedVersion latest = latest();
    description = latest.getDescription();
    shortDescription = latest.getShortDescription();
    points = latest.getPoints();
    operatingNotes = latest.getOperatingNotes();
    minimum = latest.getMinimumAmount();
    maximum = latest.getMaximumAmount();
    municipalReducedAmount = latest.getMunicipalReducedAmount();
    nightIncrease = latest.isNightIncrease();
    sanctions = latest.getAccessorySanctions().stream().map(Enum::name).toList();
    from = null;
    reason = legalSource = null;
    confirmed = false;
  }

  /** Closes the article; the form for a new article starts empty. */
  public void close() {
    detail = null;
    description = shortDescription = operatingNotes = null;
    points = null;
    minimum = maximum = municipalReducedAmount = null;
    nightIncrease = newNightIncrease = newLocal = false;
    sanctions = List.of();
    from = null;
    reason = legalSource = null;
    confirmed = false;
  }

  public void saveVersion() {
    Detail changed =
        Feedback.attempt(
            () ->
                administration.newVersion(
                    detail.code(),
                    from,
                    description,
                    shortDescription,
                    points,
                    operatingNotes,
                    minimum,
                    maximum,
                    municipalReducedAmount,
                    nightIncrease,
                    sanctionSet(),
                    reason,
                    legalSource,
                    confirmed),
            "Nuova versione registrata: vale dal " + italian(from) + ".");
    if (changed != null) {
      detail = changed;
      search();
    }
  }

  public void suspend() {
    changeStatus(ArticleStatus.SUSPENDED, "Articolo sospeso.");
  }

  public void reactivate() {
    changeStatus(ArticleStatus.ACTIVE, "Articolo riattivato.");
  }

  private void changeStatus(ArticleStatus target, String message) {
    Detail changed =
        Feedback.attempt(() -> administration.changeStatus(detail.code(), target, reason), message);
    if (changed != null) {
      detail = changed;
      search();
    }
  }

  public void repeal() {
    Detail changed =
        Feedback.attempt(
            () -> administration.repeal(detail.code(), from, reason, legalSource, confirmed),
            "Articolo abrogato dal " + italian(from) + ".");
    if (changed != null) {
      detail = changed;
      search();
    }
  }

  public void create() {
    Detail created =
        Feedback.attempt(
            () ->
                administration.create(
                    newCode,
                    newLocal,
                    description,
                    shortDescription,
                    points,
                    operatingNotes,
                    newCategory,
                    minimum,
                    maximum,
                    municipalReducedAmount,
                    newNightIncrease,
                    sanctionSet(),
                    from,
                    reason,
                    legalSource,
                    confirmed),
            "Articolo creato.");
    if (created != null) {
      show(created);
      newCode = newCategory = null;
      newLocal = newNightIncrease = false;
      search();
    }
  }

  public void importFile() {
    if (upload == null || upload.getSize() == 0) {
      Feedback.error("Scegliere un file CSV o Excel (.xlsx) non vuoto.");
      return;
    }
    ImportReport result =
        Feedback.attempt(
            () -> {
              try (InputStream in = upload.getInputStream()) {
                String name = upload.getFileName() == null ? "" : upload.getFileName();
                return name.toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx")
                    ? administration.importExcel(in, name)
                    : administration.importCsv(in, name);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            },
            null);
    if (result != null) {
      report = result;
      if (result.accepted()) {
        Feedback.info("Importazione completata: " + result.imported() + " versioni.");
        search();
      } else {
        Feedback.importRejected(result.problems().size(), "nessun articolo importato");
      }
    }
  }

  public void exportCsv() {
    byte[] bytes = Feedback.attempt(() -> administration.exportCsv(query()), null);
    if (bytes != null) {
      Downloads.send(bytes, Downloads.CSV, "articoli.csv");
    }
  }

  public void exportPdf() {
    String name =
        currentTenant
            .find()
            .map(it.ksanctions.tenancy.registry.TenantSnapshot::displayName)
            .orElse("");
    byte[] bytes = Feedback.attempt(() -> administration.exportPdf(query(), name), null);
    if (bytes != null) {
      Downloads.send(bytes, Downloads.PDF, "articoli.pdf");
    }
  }

  public void exportExcel() {
    byte[] bytes = Feedback.attempt(() -> administration.exportExcel(query()), null);
    if (bytes != null) {
      Downloads.send(bytes, Downloads.XLSX, "articoli.xlsx");
    }
  }

  private static String italian(LocalDate day) {
    return day == null
        ? ""
        : day.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
  }

  private Set<AccessorySanction> sanctionSet() {
    return sanctions == null || sanctions.isEmpty()
        ? EnumSet.noneOf(AccessorySanction.class)
        : EnumSet.copyOf(sanctions.stream().map(AccessorySanction::valueOf).toList());
  }

  private Query query() {
    return new Query(text, category, status, validOn, changedSince);
  }

  public CataloguedVersion latest() {
    return detail == null ? null : detail.versions().get(detail.versions().size() - 1);
  }

  /**
   * Whether the open article is a local regulation or ordinance (its code starts with a letter): it
   * has the Giunta's reduced amount and no night increase.
   */
  public boolean isLocalArticle() {
    return detail != null && ArticleCode.parse(detail.code()).isLocal();
  }

  public String sanctionLabel(AccessorySanction sanction) {
    return switch (sanction) {
      case LICENCE_SUSPENSION -> "Sospensione della patente";
      case VEHICLE_CONFISCATION -> "Confisca del veicolo";
      case VEHICLE_SEIZURE -> "Sequestro del veicolo";
      case ADMINISTRATIVE_STOP -> "Fermo amministrativo";
      case DOCUMENT_WITHDRAWAL -> "Ritiro del documento";
      case CIRCULATION_SUSPENSION -> "Sospensione dalla circolazione";
      default -> sanction.name();
    };
  }

  public String statusLabel(String status) {
    return switch (status) {
      case "ACTIVE" -> "Attivo";
      case "SUSPENDED" -> "Sospeso";
      case "REPEALED" -> "Abrogato";
      default -> status;
    };
  }

  public AccessorySanction[] getAllSanctions() {
    return AccessorySanction.values();
  }

  public ArticleStatus[] getStatuses() {
    return ArticleStatus.values();
  }

  public List<CataloguedVersion> getResults() {
    return results;
  }

  public List<String> getCategories() {
    return categories;
  }

  public Detail getDetail() {
    return detail;
  }

  public ImportReport getReport() {
    return report;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  public String getCategory() {
    return category;
  }

  public void setCategory(String category) {
    this.category = category;
  }

  public ArticleStatus getStatus() {
    return status;
  }

  public void setStatus(ArticleStatus status) {
    this.status = status;
  }

  public LocalDate getValidOn() {
    return validOn;
  }

  public void setValidOn(LocalDate validOn) {
    this.validOn = validOn;
  }

  public LocalDate getChangedSince() {
    return changedSince;
  }

  public void setChangedSince(LocalDate changedSince) {
    this.changedSince = changedSince;
  }

  public LocalDate getFrom() {
    return from;
  }

  public void setFrom(LocalDate from) {
    this.from = from;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public String getShortDescription() {
    return shortDescription;
  }

  public void setShortDescription(String shortDescription) {
    this.shortDescription = shortDescription;
  }

  public Integer getPoints() {
    return points;
  }

  public void setPoints(Integer points) {
    this.points = points;
  }

  public String getOperatingNotes() {
    return operatingNotes;
  }

  public void setOperatingNotes(String operatingNotes) {
    this.operatingNotes = operatingNotes;
  }

  /** The longest short description (SPEC ART-1), for the form's counter. */
  public int getShortDescriptionMax() {
    return ArticleParticulars.SHORT_DESCRIPTION_MAX;
  }

  public int getPointsMax() {
    return ArticleParticulars.POINTS_MAX;
  }

  public BigDecimal getMinimum() {
    return minimum;
  }

  public void setMinimum(BigDecimal minimum) {
    this.minimum = minimum;
  }

  public BigDecimal getMaximum() {
    return maximum;
  }

  public void setMaximum(BigDecimal maximum) {
    this.maximum = maximum;
  }

  public BigDecimal getMunicipalReducedAmount() {
    return municipalReducedAmount;
  }

  public void setMunicipalReducedAmount(BigDecimal municipalReducedAmount) {
    this.municipalReducedAmount = municipalReducedAmount;
  }

  public boolean isNightIncrease() {
    return nightIncrease;
  }

  public void setNightIncrease(boolean nightIncrease) {
    this.nightIncrease = nightIncrease;
  }

  public List<String> getSanctions() {
    return sanctions;
  }

  public void setSanctions(List<String> sanctions) {
    this.sanctions = sanctions;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public String getLegalSource() {
    return legalSource;
  }

  public void setLegalSource(String legalSource) {
    this.legalSource = legalSource;
  }

  public boolean isConfirmed() {
    return confirmed;
  }

  public void setConfirmed(boolean confirmed) {
    this.confirmed = confirmed;
  }

  public String getNewCode() {
    return newCode;
  }

  public void setNewCode(String newCode) {
    this.newCode = newCode;
  }

  public boolean isNewLocal() {
    return newLocal;
  }

  public void setNewLocal(boolean newLocal) {
    this.newLocal = newLocal;
  }

  public String getNewCategory() {
    return newCategory;
  }

  public void setNewCategory(String newCategory) {
    this.newCategory = newCategory;
  }

  public boolean isNewNightIncrease() {
    return newNightIncrease;
  }

  public void setNewNightIncrease(boolean newNightIncrease) {
    this.newNightIncrease = newNightIncrease;
  }

  public UploadedFile getUpload() {
    return upload;
  }

  public void setUpload(UploadedFile upload) {
    this.upload = upload;
  }
}
