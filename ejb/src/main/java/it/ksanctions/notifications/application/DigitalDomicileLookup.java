package it.ksanctions.notifications.application;

import it.ksanctions.command.application.IntegrationCredentials.SendAccess;
import it.ksanctions.sanctions.application.DeliveryFailure;
import java.util.Optional;

/**
 * The port to INAD, the national register of digital domiciles (issue 15 item 3), reached through
 * PDND with the command's client: the PEC a person elected, looked up by codice fiscale before the
 * channel is chosen.
 */
public interface DigitalDomicileLookup {

  Optional<String> pecOf(SendAccess access, String codiceFiscale) throws DeliveryFailure;
}
