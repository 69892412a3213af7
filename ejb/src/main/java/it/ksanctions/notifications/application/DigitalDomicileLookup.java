package it.ksanctions.notifications.application;

import it.ksanctions.command.application.IntegrationCredentials.SendAccess;
import it.ksanctions.sanctions.application.DeliveryFailure;
import java.util.Optional;

/**
 * The port to the registers of digital domiciles (issue 15 items 3–4), reached through PDND with
 * the command's client, looked up before the channel is chosen: INAD for persons (the PEC a person
 * elected, by codice fiscale) and INI-PEC for companies and professionals (the PEC they must keep,
 * by tax code or VAT number).
 */
public interface DigitalDomicileLookup {

  /** INAD: the digital domicile a person elected, if any. */
  Optional<String> pecOf(SendAccess access, String codiceFiscale) throws DeliveryFailure;

  /** INI-PEC: the PEC a company or professional registered, if any. */
  Optional<String> companyPecOf(SendAccess access, String taxCode) throws DeliveryFailure;
}
