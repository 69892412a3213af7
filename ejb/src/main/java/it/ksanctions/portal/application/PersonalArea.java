package it.ksanctions.portal.application;

import it.ksanctions.payments.application.Payments.ReceiptView;
import it.ksanctions.portal.application.InstalmentRequests.PlanView;
import it.ksanctions.portal.application.PortalFiles.FileView;
import it.ksanctions.portal.application.PortalFiles.Grant;
import it.ksanctions.portal.application.PortalFiles.WindowToday;
import it.ksanctions.portal.domain.PortalRuleException;
import it.ksanctions.sanctions.application.Verbali.VerbaleView;
import it.ksanctions.sanctions.domain.VerbaleStatus;
import it.ksanctions.shared.RuleViolation;
import it.ksanctions.shared.RuleViolation.Kind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The personal area of a citizen who entered with SPID or CIE (issue 16 items 1 and 8): every act
 * of the codice fiscale in the tenant, and the debt position — what is due today across the acts,
 * the acts by stage, the instalment plans. Only for a grant of a verified identity ({@code how} =
 * SPID); the acts are the grant's, so nothing of another codice fiscale is ever read.
 */
@ApplicationScoped
public class PersonalArea {

  /** How a verified identity's grant is marked. */
  public static final String SPID = "SPID";

  /** Where an act stands for the debt position. */
  public enum Stage {
    TO_PAY("Emessi o notificati, da pagare"),
    OVERDUE("Scaduti senza pagamento"),
    APPEALED("Con ricorso in corso"),
    PAID("Pagati"),
    CLOSED("Archiviati");

    private final String label;

    Stage(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    static Stage of(VerbaleStatus status) {
      return switch (status) {
        case ISSUED, SENT, NOTIFIED, PARTIALLY_PAID -> TO_PAY;
        case UNPAID -> OVERDUE;
        case APPEALED -> APPEALED;
        case PAID -> PAID;
        case ARCHIVED, ANNULLED -> CLOSED;
      };
    }
  }

  /**
   * One act of the personal area.
   *
   * @param dueToday what is due today (the window payable today, less what was paid; the residual
   *     of an approved instalment plan), zero when paid, null when nothing can be said (under
   *     appeal, archived, or no amount yet)
   */
  public record ActLine(
      long id,
      String number,
      LocalDate violationDay,
      String plate,
      VerbaleStatus status,
      Stage stage,
      BigDecimal dueToday,
      String dueLabel,
      List<PlanView> plans) {
    public String statusLabel() {
      return status.italianLabel();
    }
  }

  /** The acts of a stage: how many and what they owe today. */
  public record StageTotal(Stage stage, int count, BigDecimal due) {
    public String label() {
      return stage.label();
    }
  }

  /** The debt position of a codice fiscale in the tenant. */
  public record Position(
      String taxCode, List<ActLine> acts, BigDecimal totalDue, List<StageTotal> stages) {
    public boolean hasPlans() {
      return acts.stream().anyMatch(a -> !a.plans().isEmpty());
    }

    public List<PlanView> plans() {
      return acts.stream().flatMap(a -> a.plans().stream()).toList();
    }
  }

  @Inject PortalFiles files;
  @Inject InstalmentRequests instalments;

  /** The position of the verified citizen of {@code grant}. */
  @Transactional
  public Position position(Grant grant) {
    if (grant == null || !SPID.equals(grant.how())) {
      throw new PortalRuleException(
          "portal.area.spid-required",
          "L'area personale è riservata a chi accede con SPID o CIE.",
          Kind.NOT_FOUND);
    }
    List<ActLine> lines = new ArrayList<>();
    for (long id : grant.acts()) {
      FileView file;
      try {
        file = files.file(grant, id);
      } catch (RuntimeException e) {
        if (e instanceof RuleViolation) {
          continue; // annulled since the login
        }
        throw e;
      }
      List<PlanView> plans = instalments.ofVerbale(grant, id);
      lines.add(line(file, plans));
    }
    lines.sort(
        (a, b) -> {
          int byDay =
              b.violationDay() == null || a.violationDay() == null
                  ? 0
                  : b.violationDay().compareTo(a.violationDay());
          return byDay != 0 ? byDay : Long.compare(b.id(), a.id());
        });
    Map<Stage, int[]> counts = new EnumMap<>(Stage.class);
    Map<Stage, BigDecimal> dues = new EnumMap<>(Stage.class);
    BigDecimal total = BigDecimal.ZERO;
    for (ActLine line : lines) {
      counts.computeIfAbsent(line.stage(), s -> new int[1])[0]++;
      BigDecimal due = line.dueToday() == null ? BigDecimal.ZERO : line.dueToday();
      dues.merge(line.stage(), due, BigDecimal::add);
      total = total.add(due);
    }
    List<StageTotal> stages = new ArrayList<>();
    for (Stage stage : Stage.values()) {
      if (stage != Stage.CLOSED || counts.containsKey(stage)) {
        stages.add(
            new StageTotal(
                stage,
                counts.getOrDefault(stage, new int[1])[0],
                dues.getOrDefault(stage, BigDecimal.ZERO)));
      }
    }
    return new Position(grant.taxCode(), List.copyOf(lines), total, List.copyOf(stages));
  }

  static ActLine line(FileView file, List<PlanView> plans) {
    VerbaleView act = file.act();
    Stage stage = Stage.of(act.status());
    BigDecimal due;
    String label;
    PlanView approved =
        plans.stream()
            .filter(p -> p.status() == InstalmentRequests.Status.APPROVED && p.standing() != null)
            .findFirst()
            .orElse(null);
    if (act.status() == VerbaleStatus.PAID) {
      due = BigDecimal.ZERO;
      label = "pagato";
    } else if (approved != null) {
      due = approved.standing().residualDue();
      label = "rateizzato: residuo";
    } else if (act.status() == VerbaleStatus.APPEALED) {
      due = null;
      label = "sospeso per il ricorso";
    } else if (act.status() == VerbaleStatus.ARCHIVED) {
      due = null;
      label = "archiviato";
    } else {
      WindowToday window = file.payable();
      if (window == null) {
        window =
            file.windows().stream()
                .filter(WindowToday::open)
                .findFirst()
                .orElse(
                    file.windows().isEmpty()
                        ? null
                        : file.windows().get(file.windows().size() - 1));
      }
      if (window == null) {
        due = null;
        label = "importo non ancora disponibile";
      } else {
        BigDecimal paid = BigDecimal.ZERO;
        if (act.status() == VerbaleStatus.PARTIALLY_PAID) {
          for (ReceiptView r : file.receipts()) {
            if (r.amount() != null) {
              paid = paid.add(r.amount());
            }
          }
        }
        due = window.window().total().subtract(paid).max(BigDecimal.ZERO);
        label = window.label();
      }
    }
    return new ActLine(
        act.id(),
        act.number(),
        act.violationAt() == null ? null : act.violationAt().toLocalDate(),
        act.plate(),
        act.status(),
        stage,
        due,
        label,
        List.copyOf(plans));
  }
}
