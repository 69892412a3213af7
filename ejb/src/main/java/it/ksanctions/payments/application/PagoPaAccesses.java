package it.ksanctions.payments.application;

import it.ksanctions.command.application.IntegrationCredentials;
import it.ksanctions.command.application.IntegrationCredentials.PagoPaAccess;
import it.ksanctions.sanctions.application.DeliveryFailure;

/** The command's pagoPA access for a GPD call, or the transient failure that says why not. */
final class PagoPaAccesses {

  private PagoPaAccesses() {}

  static PagoPaAccess of(IntegrationCredentials credentials) throws DeliveryFailure {
    try {
      return credentials
          .pagoPaForUse()
          .orElseThrow(
              () ->
                  DeliveryFailure.transientFailure(
                      "pagoPA non è configurato in Comando › Integrazioni.", null));
    } catch (RuntimeException e) {
      throw DeliveryFailure.transientFailure(
          "Le credenziali pagoPA del comando non sono leggibili.", e);
    }
  }
}
