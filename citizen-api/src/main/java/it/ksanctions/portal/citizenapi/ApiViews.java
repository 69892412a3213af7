package it.ksanctions.portal.citizenapi;

import it.ksanctions.notifications.application.Notifications.NotificationView;
import it.ksanctions.payments.application.Payments.ReceiptView;
import it.ksanctions.portal.application.CitizenApi;
import it.ksanctions.portal.application.InstalmentRequests.PlanView;
import it.ksanctions.portal.application.PersonalArea;
import it.ksanctions.portal.application.PersonalArea.ActLine;
import it.ksanctions.portal.application.PortalFiles.FileView;
import it.ksanctions.portal.application.PortalFiles.WindowToday;
import it.ksanctions.sanctions.application.Verbali.EventView;
import it.ksanctions.sanctions.application.Verbali.FeeView;
import it.ksanctions.sanctions.application.Verbali.VerbaleView;
import it.ksanctions.sanctions.application.Verbali.WindowView;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the citizen API answers, as its own records: the API's contract stays here whatever the
 * portal's views carry (no officer's name, no internal ids but the act's), and MicroProfile OpenAPI
 * describes these types from this deployment.
 */
public final class ApiViews {

  private ApiViews() {}

  @Schema(description = "Un verbale del cittadino, come nell'elenco")
  public record ActSummary(
      long id,
      String number,
      @Schema(description = "Giorno della violazione") LocalDate violationDate,
      String plate,
      @Schema(description = "Articolo violato: codice e titolo") String article,
      @Schema(description = "Stato del verbale (ISSUED, NOTIFIED, PAID, ...)") String state,
      String stateLabel,
      @Schema(description = "Quanto si paga oggi; null se non si può dire (ricorso, archiviato)")
          BigDecimal dueToday,
      String dueLabel,
      @Schema(
              description =
                  "Giorni rimasti per pagare l'importo di oggi; null prima della notifica")
          Long daysLeft,
      @Schema(description = "Gli importi per finestra di pagamento, con i giorni rimasti")
          List<Window> windows) {}

  @Schema(description = "Una finestra di pagamento: l'importo e fino a quando vale")
  public record Window(
      @Schema(description = "REDUCED_30, MINIMUM o HALF_MAXIMUM") String type,
      String label,
      BigDecimal sanction,
      BigDecimal fees,
      BigDecimal total,
      LocalDate lastDay,
      boolean open,
      Long daysLeft,
      @Schema(description = "Codice avviso pagoPA (18 cifre)") String noticeCode,
      @Schema(description = "Codice avviso come stampato, in gruppi di quattro cifre")
          String noticeCodePrinted,
      @Schema(description = "Se è la finestra che si paga oggi") boolean payableToday) {}

  @Schema(description = "Un verbale del cittadino con il suo fascicolo")
  public record ActDetail(
      long id,
      String number,
      String state,
      String stateLabel,
      LocalDateTime violationAt,
      String place,
      String plate,
      String vehicleType,
      BigDecimal measuredSpeed,
      Integer speedLimit,
      String articleCode,
      String articleTitle,
      String articleText,
      String legalSource,
      AccessorySanctions accessorySanctions,
      LocalDate issuedOn,
      LocalDate notifiedOn,
      BigDecimal dueToday,
      String dueLabel,
      Long daysLeft,
      List<Window> windows,
      List<Fee> fees,
      @Schema(description = "La cronologia degli stati del verbale") List<Event> timeline,
      List<Notification> notifications,
      List<Receipt> receipts,
      @Schema(description = "Il documento PDF del verbale (percorso relativo al comando)")
          String document) {}

  @Schema(description = "Sanzioni accessorie: punti della patente e altre (sospensione, fermo...)")
  public record AccessorySanctions(int licencePoints, String description) {}

  public record Fee(String code, String description, BigDecimal amount) {}

  public record Event(Instant at, String state, String stateLabel, String reason) {}

  public record Notification(
      int attempt, String channel, String state, String stateLabel, LocalDate perfectedOn) {}

  public record Receipt(Instant paidAt, BigDecimal amount, String noticeCode) {}

  @Schema(description = "La posizione debitoria del codice fiscale nel comando")
  public record DebtPosition(
      String taxCode,
      @Schema(description = "Totale dovuto oggi su tutti i verbali") BigDecimal totalDue,
      int acts,
      List<StageTotal> stages,
      List<Plan> instalmentPlans) {}

  @Schema(description = "I verbali di uno stadio (da pagare, scaduti, con ricorso, pagati)")
  public record StageTotal(String stage, String label, int count, BigDecimal due) {}

  @Schema(description = "Un piano di rateizzazione")
  public record Plan(
      long id,
      String actNumber,
      String state,
      String stateLabel,
      int instalments,
      BigDecimal amountDue,
      @Schema(description = "Capitale ancora da versare; null finché il piano non è approvato")
          BigDecimal residualDue) {}

  static ActSummary summary(CitizenApi.Act act) {
    ActLine line = act.line();
    VerbaleView v = act.file().act();
    return new ActSummary(
        line.id(),
        line.number(),
        line.violationDay(),
        line.plate(),
        article(v),
        line.status().name(),
        line.statusLabel(),
        line.dueToday(),
        line.dueLabel(),
        daysLeft(act.file()),
        windows(act.file()));
  }

  static ActDetail detail(CitizenApi.Act act, String slug) {
    ActLine line = act.line();
    FileView file = act.file();
    VerbaleView v = file.act();
    return new ActDetail(
        v.id(),
        v.number(),
        v.status().name(),
        v.statusLabel(),
        v.violationAt(),
        v.placeDescription(),
        v.plate(),
        v.vehicleType(),
        v.measuredSpeed(),
        v.speedLimit(),
        v.articleCode(),
        v.articleTitle(),
        v.articleText(),
        v.legalSource(),
        new AccessorySanctions(v.points(), v.accessorySanctions()),
        v.issuedOn(),
        v.notifiedOn(),
        line.dueToday(),
        line.dueLabel(),
        daysLeft(file),
        windows(file),
        v.fees().stream().map(ApiViews::fee).toList(),
        v.events().stream().map(ApiViews::event).toList(),
        file.notifications().stream().map(ApiViews::notification).toList(),
        file.receipts().stream().map(ApiViews::receipt).toList(),
        "/t/" + slug + "/v1/verbali/" + v.id() + "/pdf");
  }

  static DebtPosition position(PersonalArea.Position position) {
    return new DebtPosition(
        position.taxCode(),
        position.totalDue(),
        position.acts().size(),
        position.stages().stream()
            .map(s -> new StageTotal(s.stage().name(), s.label(), s.count(), s.due()))
            .toList(),
        position.plans().stream().map(ApiViews::plan).toList());
  }

  private static String article(VerbaleView v) {
    if (v.articleTitle() == null || v.articleTitle().isBlank()) {
      return v.articleCode();
    }
    return v.articleCode() + " - " + v.articleTitle();
  }

  private static Long daysLeft(FileView file) {
    return file.payable() == null ? null : file.payable().daysLeft();
  }

  private static List<Window> windows(FileView file) {
    return file.windows().stream().map(w -> window(w, w.equals(file.payable()))).toList();
  }

  private static Window window(WindowToday today, boolean payable) {
    WindowView w = today.window();
    return new Window(
        w.type().name(),
        w.label(),
        w.sanction(),
        w.fees(),
        w.total(),
        w.lastDay(),
        today.open(),
        today.daysLeft(),
        w.noticeCode(),
        w.noticeCode() == null ? null : w.noticePrinted(),
        payable);
  }

  private static Fee fee(FeeView fee) {
    return new Fee(fee.code(), fee.description(), fee.amount());
  }

  private static Event event(EventView e) {
    return new Event(e.at(), e.to().name(), e.toLabel(), e.reason());
  }

  private static Notification notification(NotificationView n) {
    return new Notification(
        n.attempt(), n.channel(), n.status().name(), n.statusLabel(), n.perfectedOn());
  }

  private static Receipt receipt(ReceiptView r) {
    return new Receipt(r.paidAt(), r.amount(), r.noticeCode());
  }

  private static Plan plan(PlanView p) {
    return new Plan(
        p.id(),
        p.verbaleNumber(),
        p.status().name(),
        p.statusLabel(),
        p.count(),
        p.amountDue(),
        p.standing() == null ? null : p.standing().residualDue());
  }
}
