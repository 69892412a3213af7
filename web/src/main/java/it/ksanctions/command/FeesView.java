package it.ksanctions.command;

import it.ksanctions.command.application.CommandFees;
import it.ksanctions.command.application.CommandFees.FeeVersionView;
import it.ksanctions.command.domain.Fee;
import it.ksanctions.command.domain.FeeAmountKind;
import it.ksanctions.command.domain.FeeCategory;
import it.ksanctions.command.domain.FeeSchedule;
import it.ksanctions.command.domain.FeeSchedule.FeeLine;
import it.ksanctions.command.domain.NotificationChannel;
import it.ksanctions.web.backoffice.Feedback;
import it.ksanctions.web.backoffice.Formats;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The command's fees (CMD-2): versions with validity and legal reference, the full history, a new
 * version, the end of a fee's validity, logical deletion (refused when in use), and what a verbale
 * would be charged today for each notification channel.
 */
@Named
@ViewScoped
public class FeesView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject CommandFees fees;

  private List<FeeVersionView> history = List.of();
  private boolean showDeleted;

  private String code;
  private String description;
  private FeeCategory category = FeeCategory.ASSESSMENT;
  private NotificationChannel channel;
  private FeeAmountKind amountKind = FeeAmountKind.FIXED;
  private String amount;
  private LocalDate validFrom;
  private LocalDate validTo;
  private String legalReference;
  private String reason;

  private String endCode;
  private LocalDate endDay;
  private String endReference;

  private Long deleteId;
  private String deleteReason;

  private NotificationChannel previewChannel = NotificationChannel.PEC;

  @PostConstruct
  void load() {
    List<FeeVersionView> found = Feedback.attempt(fees::history, null);
    history = found == null ? List.of() : found;
  }

  public void add() {
    BigDecimal parsed = Formats.parseAmount(amount);
    if (parsed == null && amount != null && !amount.isBlank()) {
      Feedback.error("Importo non valido: scrivere ad esempio 12,50.");
      return;
    }
    Fee fee =
        new Fee(
            code,
            description,
            category,
            category == FeeCategory.NOTIFICATION ? channel : null,
            amountKind,
            parsed,
            validFrom,
            validTo,
            legalReference);
    Fee saved = Feedback.attempt(() -> fees.addVersion(fee, reason), null);
    if (saved != null) {
      Feedback.info(
          "Spesa "
              + saved.code()
              + " registrata dal "
              + new Formats().date(saved.validFrom())
              + ".");
      code = null;
      description = null;
      amount = null;
      validFrom = null;
      validTo = null;
      legalReference = null;
      reason = null;
      load();
    }
  }

  public void startNewVersion(String feeCode) {
    history.stream()
        .filter(v -> v.fee().code().equals(feeCode) && !v.deleted())
        .findFirst()
        .ifPresent(
            v -> {
              Fee f = v.fee();
              code = f.code();
              description = f.description();
              category = f.category();
              channel = f.channel();
              amountKind = f.amountKind();
              amount = f.amount().toPlainString().replace('.', ',');
              validFrom = null;
              validTo = null;
              legalReference = null;
            });
  }

  public void endValidity() {
    if (Feedback.attempt(
        () -> fees.endValidity(endCode, endDay, endReference),
        "Validità della spesa " + endCode + " chiusa.")) {
      endCode = null;
      endDay = null;
      endReference = null;
      load();
    }
  }

  public void delete() {
    if (deleteId == null) {
      Feedback.error("Scegliere la versione da eliminare.");
      return;
    }
    if (Feedback.attempt(() -> fees.delete(deleteId, deleteReason), "Versione eliminata.")) {
      deleteId = null;
      deleteReason = null;
      load();
    }
  }

  public List<FeeVersionView> getVisible() {
    return showDeleted ? history : history.stream().filter(v -> !v.deleted()).toList();
  }

  /** The fee lines a verbale issued today would be charged by the chosen channel. */
  public List<FeeLine> getPreview() {
    LocalDate today = LocalDate.now(ZoneId.of("Europe/Rome"));
    return new FeeSchedule(
            history.stream().filter(v -> !v.deleted()).map(FeeVersionView::fee).toList())
        .charged(today, previewChannel);
  }

  public String getPreviewTotal() {
    return Formats.euro(FeeSchedule.sum(getPreview()));
  }

  public String inForce(FeeVersionView v) {
    LocalDate today = LocalDate.now(ZoneId.of("Europe/Rome"));
    if (v.deleted()) {
      return "Eliminata";
    }
    if (v.fee().inForceOn(today)) {
      return "In vigore";
    }
    return v.fee().validFrom().isAfter(today) ? "Futura" : "Scaduta";
  }

  public FeeCategory[] getCategories() {
    return FeeCategory.values();
  }

  public NotificationChannel[] getChannels() {
    return NotificationChannel.values();
  }

  public FeeAmountKind[] getAmountKinds() {
    return FeeAmountKind.values();
  }

  public boolean isShowDeleted() {
    return showDeleted;
  }

  public void setShowDeleted(boolean v) {
    showDeleted = v;
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

  public FeeCategory getCategory() {
    return category;
  }

  public void setCategory(FeeCategory v) {
    category = v;
  }

  public NotificationChannel getChannel() {
    return channel;
  }

  public void setChannel(NotificationChannel v) {
    channel = v;
  }

  public FeeAmountKind getAmountKind() {
    return amountKind;
  }

  public void setAmountKind(FeeAmountKind v) {
    amountKind = v;
  }

  public String getAmount() {
    return amount;
  }

  public void setAmount(String v) {
    amount = v;
  }

  public LocalDate getValidFrom() {
    return validFrom;
  }

  public void setValidFrom(LocalDate v) {
    validFrom = v;
  }

  public LocalDate getValidTo() {
    return validTo;
  }

  public void setValidTo(LocalDate v) {
    validTo = v;
  }

  public String getLegalReference() {
    return legalReference;
  }

  public void setLegalReference(String v) {
    legalReference = v;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String v) {
    reason = v;
  }

  public String getEndCode() {
    return endCode;
  }

  public void setEndCode(String v) {
    endCode = v;
  }

  public LocalDate getEndDay() {
    return endDay;
  }

  public void setEndDay(LocalDate v) {
    endDay = v;
  }

  public String getEndReference() {
    return endReference;
  }

  public void setEndReference(String v) {
    endReference = v;
  }

  public Long getDeleteId() {
    return deleteId;
  }

  public void setDeleteId(Long v) {
    deleteId = v;
  }

  public String getDeleteReason() {
    return deleteReason;
  }

  public void setDeleteReason(String v) {
    deleteReason = v;
  }

  public NotificationChannel getPreviewChannel() {
    return previewChannel;
  }

  public void setPreviewChannel(NotificationChannel v) {
    previewChannel = v;
  }
}
