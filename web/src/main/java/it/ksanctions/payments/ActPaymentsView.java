package it.ksanctions.payments;

import it.ksanctions.payments.application.Payments;
import it.ksanctions.payments.application.Payments.ReceiptView;
import it.ksanctions.permissions.application.CurrentStaff;
import it.ksanctions.permissions.domain.AppAction;
import it.ksanctions.permissions.domain.AppModule;
import it.ksanctions.sanctions.VerbaliView;
import it.ksanctions.sanctions.application.Verbali.VerbaleView;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The payments part of the act's page (Verbali): the receipts received for the open act with what
 * reconciliation made of them. Kept in the payments context, beside the act's own view (ADR 0006).
 */
@Named
@ViewScoped
public class ActPaymentsView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject VerbaliView verbaliView;
  @Inject Payments payments;
  @Inject CurrentStaff currentStaff;

  private Long loadedFor;
  private String loadedStatus;
  private List<ReceiptView> loaded = List.of();

  /** The open act's receipts (none for a role without Pagamenti). */
  public List<ReceiptView> getReceipts() {
    VerbaleView act = verbaliView.getDetail();
    if (act == null) {
      return List.of();
    }
    if (!Long.valueOf(act.id()).equals(loadedFor) || !act.status().name().equals(loadedStatus)) {
      loaded =
          currentStaff.allows(AppModule.PAYMENTS, AppAction.ACCESS)
              ? payments.ofVerbale(act.id())
              : List.of();
      loadedFor = act.id();
      loadedStatus = act.status().name();
    }
    return loaded;
  }
}
