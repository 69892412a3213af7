package it.ksanctions.command.domain;

import it.ksanctions.shared.NumericTaxCode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The registry of the command (SPEC CMD-1, seed 001 §11.4 "Dati anagrafici e identificativi"): the
 * institutional data printed on every verbale and communication. Official name, codice fiscale of
 * the body and PEC are mandatory (CMD-7); the codice fiscale and the VAT number carry a check
 * digit; e-mail, PEC, website, postal code and province are checked for their form.
 *
 * <p>{@link #validated()} returns the registry with its text normalised, or throws one {@link
 * CommandRuleException} listing every wrong field, so the user corrects them all at once.
 */
public record CommandRegistry(
    String officialName,
    BodyKind bodyKind,
    String parentBodyName,
    String taxCode,
    String vatNumber,
    String street,
    String postalCode,
    String city,
    String province,
    String phone,
    String email,
    String pec,
    String website,
    String commandManager,
    String procedureManager,
    SignatureKind signatureKind,
    String signatureHolder,
    LocalDate signatureValidUntil) {

  private static final Pattern EMAIL =
      Pattern.compile("^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}$");
  private static final Pattern POSTAL_CODE = Pattern.compile("^\\d{5}$");
  private static final Pattern PROVINCE = Pattern.compile("^[A-Z]{2}$");
  private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ./-]{6,20}$");
  private static final Pattern WEBSITE =
      Pattern.compile("^https?://[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+(:\\d+)?(/\\S*)?$");

  /** An empty registry (a new command), with the name, kind and tax code known at onboarding. */
  public static CommandRegistry initial(String officialName, BodyKind kind, String taxCode) {
    return new CommandRegistry(
        officialName,
        kind,
        null,
        taxCode,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        SignatureKind.NONE,
        null,
        null);
  }

  /** The registry normalised, or a rule exception naming every wrong field. */
  public CommandRegistry validated() {
    List<String> wrong = new ArrayList<>();
    String name = text(officialName);
    if (name == null || name.length() < 3 || name.length() > 200) {
      wrong.add("denominazione ufficiale obbligatoria (3-200 caratteri)");
    }
    if (bodyKind == null) {
      wrong.add("ente di appartenenza obbligatorio");
    }
    String cf = text(taxCode);
    if (cf == null) {
      wrong.add("codice fiscale dell'ente obbligatorio");
    } else if (!NumericTaxCode.isValid(cf)) {
      wrong.add("codice fiscale dell'ente non valido (11 cifre con cifra di controllo)");
    }
    String vat = text(vatNumber);
    if (vat != null && !NumericTaxCode.isValid(vat)) {
      wrong.add("partita IVA non valida (11 cifre con cifra di controllo)");
    }
    String cap = text(postalCode);
    if (cap != null && !POSTAL_CODE.matcher(cap).matches()) {
      wrong.add("CAP non valido (5 cifre)");
    }
    String prov = text(province) == null ? null : text(province).toUpperCase(Locale.ROOT);
    if (prov != null && !PROVINCE.matcher(prov).matches()) {
      wrong.add("sigla della provincia non valida (2 lettere)");
    }
    String tel = text(phone);
    if (tel != null && !PHONE.matcher(tel).matches()) {
      wrong.add("telefono non valido");
    }
    String mail = text(email);
    if (mail != null && !EMAIL.matcher(mail).matches()) {
      wrong.add("indirizzo e-mail non valido");
    }
    String pecAddress = text(pec);
    if (pecAddress == null) {
      wrong.add("PEC obbligatoria (usata per notifiche e comunicazioni ufficiali)");
    } else if (!EMAIL.matcher(pecAddress).matches()) {
      wrong.add("indirizzo PEC non valido");
    }
    String site = text(website);
    if (site != null && !WEBSITE.matcher(site).matches()) {
      wrong.add("sito web non valido (indirizzo che inizia con https://)");
    }
    SignatureKind signature = signatureKind == null ? SignatureKind.NONE : signatureKind;
    if (signature != SignatureKind.NONE
        && (text(signatureHolder) == null || signatureValidUntil == null)) {
      wrong.add("per la firma digitale o il sigillo indicare titolare e scadenza del certificato");
    }
    for (String[] field :
        new String[][] {
          {"ente di appartenenza (denominazione)", parentBodyName},
          {"indirizzo", street},
          {"comune", city},
          {"responsabile del comando", commandManager},
          {"responsabile del procedimento", procedureManager},
          {"titolare della firma", signatureHolder}
        }) {
      if (text(field[1]) != null && text(field[1]).length() > 200) {
        wrong.add(field[0] + " troppo lungo (massimo 200 caratteri)");
      }
    }
    if (!wrong.isEmpty()) {
      throw new CommandRuleException(
          "command.registry.invalid", "Anagrafica non valida: " + String.join("; ", wrong) + ".");
    }
    return new CommandRegistry(
        name,
        bodyKind,
        text(parentBodyName),
        cf,
        vat,
        text(street),
        cap,
        text(city),
        prov,
        tel,
        mail == null ? null : mail.toLowerCase(Locale.ROOT),
        pecAddress.toLowerCase(Locale.ROOT),
        site,
        text(commandManager),
        text(procedureManager),
        signature,
        signature == SignatureKind.NONE ? null : text(signatureHolder),
        signature == SignatureKind.NONE ? null : signatureValidUntil);
  }

  /** Whether the fields that verbali cannot do without are filled (CMD-7). */
  public boolean complete() {
    return text(officialName) != null && text(taxCode) != null && text(pec) != null;
  }

  private static String text(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
