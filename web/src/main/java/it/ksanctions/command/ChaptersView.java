package it.ksanctions.command;

import it.ksanctions.articles.application.ArticleAdministration;
import it.ksanctions.command.application.BudgetChapters;
import it.ksanctions.command.application.BudgetChapters.ChapterView;
import it.ksanctions.command.domain.AllocationPlan;
import it.ksanctions.command.domain.BudgetChapter;
import it.ksanctions.command.domain.ChapterAllocation;
import it.ksanctions.command.domain.ChapterType;
import it.ksanctions.web.backoffice.Downloads;
import it.ksanctions.web.backoffice.Feedback;
import it.ksanctions.web.backoffice.Formats;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Budget chapters (CMD-3): the chapters with their use, create and change, deactivate, the split of
 * each violation type's revenue (several chapters, totalling 100 %), and the accounting export.
 */
@Named
@ViewScoped
public class ChaptersView implements Serializable {

  private static final long serialVersionUID = 1L;
  static final int SHARE_ROWS = 4;

  @Inject BudgetChapters chapters;
  @Inject ArticleAdministration articles;

  private List<ChapterView> list = List.of();
  private Map<String, List<ChapterAllocation>> plans = Map.of();
  private List<String> articleCategories = List.of();

  private boolean editing;
  private String code;
  private String description;
  private ChapterType type = ChapterType.REVENUE;
  private String paymentReason;
  private String treasuryAccount;
  private String notes;
  private String reference;

  private String deactivateCode;
  private String deactivateReason;

  private String violationType = AllocationPlan.DEFAULT_TYPE;
  private final List<Share> shares = new ArrayList<>();
  private String planReference;

  /** One row of the split form. */
  public static class Share implements Serializable {
    private static final long serialVersionUID = 1L;
    private String chapter;
    private String percentage;

    public String getChapter() {
      return chapter;
    }

    public void setChapter(String v) {
      chapter = v;
    }

    public String getPercentage() {
      return percentage;
    }

    public void setPercentage(String v) {
      percentage = v;
    }
  }

  @PostConstruct
  void load() {
    List<ChapterView> found = Feedback.attempt(chapters::chapters, null);
    list = found == null ? List.of() : found;
    Map<String, List<ChapterAllocation>> current = Feedback.attempt(chapters::plans, null);
    plans = current == null ? Map.of() : current;
    try {
      articleCategories = articles.categories();
    } catch (RuntimeException notGranted) {
      // Without the Articles module the types are typed by hand; nothing to report.
      articleCategories = List.of();
    }
    resetShares();
  }

  private void resetShares() {
    shares.clear();
    for (ChapterAllocation a : plans.getOrDefault(violationType, List.of())) {
      Share s = new Share();
      s.chapter = a.chapterCode();
      s.percentage = a.percentage().toPlainString().replace('.', ',');
      shares.add(s);
    }
    while (shares.size() < SHARE_ROWS) {
      shares.add(new Share());
    }
  }

  public void startNew() {
    editing = false;
    code = null;
    description = null;
    type = ChapterType.REVENUE;
    paymentReason = null;
    treasuryAccount = null;
    notes = null;
    reference = null;
  }

  public void edit(String chapterCode) {
    list.stream()
        .filter(v -> v.chapter().code().equals(chapterCode))
        .findFirst()
        .ifPresent(
            v -> {
              BudgetChapter c = v.chapter();
              editing = true;
              code = c.code();
              description = c.description();
              type = c.type();
              paymentReason = c.paymentReason();
              treasuryAccount = c.treasuryAccount();
              notes = c.notes();
              reference = null;
            });
  }

  public void save() {
    BudgetChapter chapter =
        new BudgetChapter(code, description, type, paymentReason, treasuryAccount, notes);
    BudgetChapter saved =
        Feedback.attempt(
            () ->
                editing ? chapters.change(chapter, reference) : chapters.create(chapter, reference),
            null);
    if (saved != null) {
      Feedback.info("Capitolo " + saved.code() + (editing ? " modificato." : " creato."));
      startNew();
      load();
    }
  }

  public void deactivate() {
    if (Feedback.attempt(
        () -> chapters.deactivate(deactivateCode, deactivateReason),
        "Capitolo " + deactivateCode + " disattivato.")) {
      deactivateCode = null;
      deactivateReason = null;
      load();
    }
  }

  public void typeChanged() {
    resetShares();
  }

  public void savePlan() {
    List<ChapterAllocation> entered = new ArrayList<>();
    for (Share s : shares) {
      boolean hasChapter = s.chapter != null && !s.chapter.isBlank();
      boolean hasPercentage = s.percentage != null && !s.percentage.isBlank();
      if (!hasChapter && !hasPercentage) {
        continue;
      }
      BigDecimal p = Formats.parseAmount(s.percentage);
      if (!hasChapter || p == null) {
        Feedback.error(
            "Ogni riga compilata indica un capitolo e una percentuale (es. 50 oppure 33,33).");
        return;
      }
      entered.add(new ChapterAllocation(violationType, s.chapter, p));
    }
    List<ChapterAllocation> saved =
        Feedback.attempt(() -> chapters.savePlan(violationType, entered, planReference), null);
    if (saved != null) {
      Feedback.info("Piano di imputazione di " + saved.get(0).violationType() + " salvato.");
      planReference = null;
      load();
    }
  }

  public void exportCsv() {
    byte[] csv = Feedback.attempt(() -> chapters.exportAccounting(false), null);
    if (csv != null) {
      Downloads.send(csv, Downloads.CSV, "capitoli-di-bilancio.csv");
    }
  }

  public void exportExcel() {
    byte[] xlsx = Feedback.attempt(() -> chapters.exportAccounting(true), null);
    if (xlsx != null) {
      Downloads.send(xlsx, Downloads.XLSX, "capitoli-di-bilancio.xlsx");
    }
  }

  /** Violation types offered: the default, the article categories and the types with a plan. */
  public List<String> getViolationTypes() {
    Set<String> types = new LinkedHashSet<>();
    types.add(AllocationPlan.DEFAULT_TYPE);
    types.addAll(articleCategories);
    types.addAll(plans.keySet());
    return List.copyOf(types);
  }

  public List<ChapterView> getRevenueChapters() {
    return list.stream()
        .filter(v -> v.active() && v.chapter().type() == ChapterType.REVENUE)
        .toList();
  }

  public List<Map.Entry<String, List<ChapterAllocation>>> getPlanList() {
    return List.copyOf(plans.entrySet());
  }

  public String shares(List<ChapterAllocation> allocations) {
    StringBuilder text = new StringBuilder();
    for (ChapterAllocation a : allocations) {
      if (!text.isEmpty()) {
        text.append(" + ");
      }
      text.append(a.chapterCode())
          .append(' ')
          .append(a.percentage().toPlainString().replace('.', ','))
          .append('%');
    }
    return text.toString();
  }

  public List<ChapterView> getList() {
    return list;
  }

  public ChapterType[] getTypes() {
    return ChapterType.values();
  }

  public List<Share> getShares() {
    return shares;
  }

  public boolean isEditing() {
    return editing;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String v) {
    code = v;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String v) {
    description = v;
  }

  public ChapterType getType() {
    return type;
  }

  public void setType(ChapterType v) {
    type = v;
  }

  public String getPaymentReason() {
    return paymentReason;
  }

  public void setPaymentReason(String v) {
    paymentReason = v;
  }

  public String getTreasuryAccount() {
    return treasuryAccount;
  }

  public void setTreasuryAccount(String v) {
    treasuryAccount = v;
  }

  public String getNotes() {
    return notes;
  }

  public void setNotes(String v) {
    notes = v;
  }

  public String getReference() {
    return reference;
  }

  public void setReference(String v) {
    reference = v;
  }

  public String getDeactivateCode() {
    return deactivateCode;
  }

  public void setDeactivateCode(String v) {
    deactivateCode = v;
  }

  public String getDeactivateReason() {
    return deactivateReason;
  }

  public void setDeactivateReason(String v) {
    deactivateReason = v;
  }

  public String getViolationType() {
    return violationType;
  }

  public void setViolationType(String v) {
    violationType = v;
  }

  public String getPlanReference() {
    return planReference;
  }

  public void setPlanReference(String v) {
    planReference = v;
  }
}
