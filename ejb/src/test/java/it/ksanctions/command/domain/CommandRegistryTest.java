package it.ksanctions.command.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CommandRegistryTest {

  static final String CF = "00097020598";
  static final LocalDate EXPIRY = LocalDate.of(2028, 3, 31);

  /** A complete, valid registry; tests change one field at a time through the builder below. */
  static Builder registry() {
    return new Builder();
  }

  static final class Builder {
    String officialName = "Comando di Polizia Locale di Latina";
    BodyKind bodyKind = BodyKind.COMUNE;
    String parentBodyName = "Comune di Latina";
    String taxCode = CF;
    String vatNumber = CF;
    String street = "Piazza del Popolo 1";
    String postalCode = "04100";
    String city = "Latina";
    String province = "LT";
    String phone = "+39 0773 652111";
    String email = "polizialocale@comune.latina.it";
    String pec = "polizialocale@pec.comune.latina.it";
    String website = "https://www.comune.latina.it/polizia-locale";
    String commandManager = "Mario Rossi";
    String procedureManager = "Anna Bianchi";
    SignatureKind signatureKind = SignatureKind.DIGITAL_SIGNATURE;
    String signatureHolder = "Mario Rossi";
    LocalDate signatureValidUntil = EXPIRY;

    CommandRegistry build() {
      return new CommandRegistry(
          officialName,
          bodyKind,
          parentBodyName,
          taxCode,
          vatNumber,
          street,
          postalCode,
          city,
          province,
          phone,
          email,
          pec,
          website,
          commandManager,
          procedureManager,
          signatureKind,
          signatureHolder,
          signatureValidUntil);
    }
  }

  static AbstractThrowableAssert<?, ? extends Throwable> refused(CommandRegistry r) {
    return assertThatThrownBy(r::validated)
        .isInstanceOf(CommandRuleException.class)
        .satisfies(
            e -> {
              CommandRuleException c = (CommandRuleException) e;
              assertThat(c.code()).isEqualTo("command.registry.invalid");
              assertThat(c.italianMessage()).startsWith("Anagrafica non valida: ").endsWith(".");
            });
  }

  static String messageOf(CommandRegistry r) {
    try {
      r.validated();
    } catch (CommandRuleException e) {
      return e.italianMessage();
    }
    throw new AssertionError("the registry was accepted");
  }

  @Test
  void aCompleteRegistryIsAcceptedUnchanged() {
    CommandRegistry r = registry().build();
    assertThat(r.validated()).isEqualTo(r);
  }

  @Nested
  class Normalisation {

    @Test
    void textIsTrimmedAddressesLowerCasedProvinceUpperCased() {
      Builder b = registry();
      b.officialName = "  Comando di Polizia Locale di Latina ";
      b.taxCode = " " + CF + " ";
      b.street = " Piazza del Popolo 1\t";
      b.city = " Latina ";
      b.province = " lt ";
      b.email = " PoliziaLocale@Comune.Latina.IT ";
      b.pec = "PoliziaLocale@PEC.Comune.Latina.it ";
      b.commandManager = " Mario Rossi ";
      b.parentBodyName = "   ";

      CommandRegistry v = b.build().validated();

      assertThat(v.officialName()).isEqualTo("Comando di Polizia Locale di Latina");
      assertThat(v.taxCode()).isEqualTo(CF);
      assertThat(v.street()).isEqualTo("Piazza del Popolo 1");
      assertThat(v.city()).isEqualTo("Latina");
      assertThat(v.province()).isEqualTo("LT");
      assertThat(v.email()).isEqualTo("polizialocale@comune.latina.it");
      assertThat(v.pec()).isEqualTo("polizialocale@pec.comune.latina.it");
      assertThat(v.commandManager()).isEqualTo("Mario Rossi");
      assertThat(v.parentBodyName()).as("blank optional text becomes null").isNull();
    }

    @Test
    void withoutSignatureHolderAndExpiryAreDropped() {
      Builder b = registry();
      b.signatureKind = SignatureKind.NONE;
      CommandRegistry v = b.build().validated();
      assertThat(v.signatureHolder()).isNull();
      assertThat(v.signatureValidUntil()).isNull();

      b.signatureKind = null;
      b.signatureHolder = null;
      b.signatureValidUntil = null;
      assertThat(b.build().validated().signatureKind()).isEqualTo(SignatureKind.NONE);
    }

    @Test
    void optionalFieldsMayBeLeftEmpty() {
      Builder b = registry();
      b.parentBodyName = null;
      b.vatNumber = "";
      b.street = null;
      b.postalCode = " ";
      b.city = null;
      b.province = "";
      b.phone = null;
      b.email = null;
      b.website = " ";
      b.commandManager = null;
      b.procedureManager = null;
      CommandRegistry v = b.build().validated();
      assertThat(v.vatNumber()).isNull();
      assertThat(v.postalCode()).isNull();
      assertThat(v.province()).isNull();
      assertThat(v.website()).isNull();
    }
  }

  @Nested
  class EveryWrongFieldInOneMessage {

    @Test
    void allMistakesAreListedTogether() {
      Builder b = registry();
      b.officialName = "PL";
      b.bodyKind = null;
      b.taxCode = "00097020597";
      b.vatNumber = "1234";
      b.postalCode = "4100";
      b.province = "Latina";
      b.phone = "chiamare";
      b.email = "polizia.comune.it";
      b.pec = null;
      b.website = "www.comune.latina.it";
      b.signatureHolder = " ";

      refused(b.build())
          .satisfies(
              e ->
                  assertThat(((CommandRuleException) e).italianMessage())
                      .contains("denominazione ufficiale obbligatoria (3-200 caratteri)")
                      .contains("ente di appartenenza obbligatorio")
                      .contains(
                          "codice fiscale dell'ente non valido (11 cifre con cifra di controllo)")
                      .contains("partita IVA non valida (11 cifre con cifra di controllo)")
                      .contains("CAP non valido (5 cifre)")
                      .contains("sigla della provincia non valida (2 lettere)")
                      .contains("telefono non valido")
                      .contains("indirizzo e-mail non valido")
                      .contains("PEC obbligatoria (usata per notifiche e comunicazioni ufficiali)")
                      .contains("sito web non valido (indirizzo che inizia con https://)")
                      .contains(
                          "per la firma digitale o il sigillo indicare titolare e scadenza del"
                              + " certificato"));
    }

    @Test
    void fieldsAreSeparatedBySemicolons() {
      Builder b = registry();
      b.postalCode = "4100";
      b.province = "L";
      assertThat(messageOf(b.build()))
          .isEqualTo(
              "Anagrafica non valida: CAP non valido (5 cifre); sigla della provincia non valida"
                  + " (2 lettere).");
    }
  }

  @Nested
  class TaxCodes {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void taxCodeIsMandatory(String cf) {
      Builder b = registry();
      b.taxCode = cf;
      assertThat(messageOf(b.build())).contains("codice fiscale dell'ente obbligatorio");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {"00097020597", "0009702059", "000970205980", "0009702059A", "RSSMRA80A01H501U"})
    void wrongCheckDigitLengthOrLettersAreRefused(String cf) {
      Builder b = registry();
      b.taxCode = cf;
      assertThat(messageOf(b.build()))
          .contains("codice fiscale dell'ente non valido (11 cifre con cifra di controllo)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"00097020597", "0009702059", "IT00097020598"})
    void vatNumberIsCheckedWhenGiven(String vat) {
      Builder b = registry();
      b.vatNumber = vat;
      assertThat(messageOf(b.build()))
          .isEqualTo(
              "Anagrafica non valida: partita IVA non valida (11 cifre con cifra di controllo).");
    }
  }

  @Nested
  class Forms {

    @ParameterizedTest
    @ValueSource(
        strings = {
          "polizia@comune.latina.it",
          "m.rossi+verbali@comune.it",
          "o'brien@example.co.uk",
          "pl_latina@pec-comune.it"
        })
    void validAddressesAreAcceptedAsEmailAndPec(String address) {
      Builder b = registry();
      b.email = address;
      b.pec = address;
      assertThat(b.build().validated().pec()).isEqualTo(address.toLowerCase());
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "polizia",
          "polizia@",
          "@comune.it",
          "polizia@comune",
          "polizia@comune.i",
          "poli zia@comune.it",
          "polizia@@comune.it",
          "polizia@comune..it"
        })
    void malformedAddressesAreRefused(String address) {
      Builder b = registry();
      b.email = address;
      assertThat(messageOf(b.build()))
          .isEqualTo("Anagrafica non valida: indirizzo e-mail non valido.");
      b.email = null;
      b.pec = address;
      assertThat(messageOf(b.build()))
          .isEqualTo("Anagrafica non valida: indirizzo PEC non valido.");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void pecIsMandatory(String pec) {
      Builder b = registry();
      b.pec = pec;
      assertThat(messageOf(b.build()))
          .isEqualTo(
              "Anagrafica non valida: PEC obbligatoria (usata per notifiche e comunicazioni"
                  + " ufficiali).");
    }

    @ParameterizedTest
    @ValueSource(strings = {"4100", "041000", "04I00", "04 100"})
    void postalCodeHasFiveDigits(String cap) {
      Builder b = registry();
      b.postalCode = cap;
      assertThat(messageOf(b.build())).contains("CAP non valido (5 cifre)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"L", "LAT", "L1", "4T"})
    void provinceHasTwoLetters(String province) {
      Builder b = registry();
      b.province = province;
      assertThat(messageOf(b.build())).contains("sigla della provincia non valida (2 lettere)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+39 0773 652111", "0773/652111", "0773-652.111", "800123"})
    void phonesAreAccepted(String phone) {
      Builder b = registry();
      b.phone = phone;
      assertThat(b.build().validated().phone()).isEqualTo(phone);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "0773 ABC", "++39 0773", "+39 0773 652111 interno 4"})
    void malformedPhonesAreRefused(String phone) {
      Builder b = registry();
      b.phone = phone;
      assertThat(messageOf(b.build())).isEqualTo("Anagrafica non valida: telefono non valido.");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "https://www.comune.latina.it",
          "http://comune.latina.it/polizia",
          "https://portale.comune.it:8443/pl?x=1"
        })
    void websitesAreAccepted(String site) {
      Builder b = registry();
      b.website = site;
      assertThat(b.build().validated().website()).isEqualTo(site);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "www.comune.latina.it",
          "ftp://comune.latina.it",
          "https://localhost",
          "https://"
        })
    void malformedWebsitesAreRefused(String site) {
      Builder b = registry();
      b.website = site;
      assertThat(messageOf(b.build())).contains("sito web non valido");
    }

    @Test
    void longTextsAreRefusedNamingTheField() {
      Builder b = registry();
      b.street = "V".repeat(201);
      b.procedureManager = "A".repeat(201);
      assertThat(messageOf(b.build()))
          .contains("indirizzo troppo lungo (massimo 200 caratteri)")
          .contains("responsabile del procedimento troppo lungo (massimo 200 caratteri)");
      b.street = "V".repeat(200);
      b.procedureManager = null;
      assertThat(b.build().validated().street()).hasSize(200);
    }

    @Test
    void officialNameLength() {
      Builder b = registry();
      b.officialName = "C".repeat(201);
      assertThat(messageOf(b.build())).contains("denominazione ufficiale obbligatoria");
      b.officialName = "  PLC  ";
      assertThat(b.build().validated().officialName()).isEqualTo("PLC");
    }
  }

  @Nested
  class Signature {

    @ParameterizedTest
    @ValueSource(strings = {"DIGITAL_SIGNATURE", "QUALIFIED_SEAL"})
    void holderAndExpiryAreRequired(SignatureKind kind) {
      Builder b = registry();
      b.signatureKind = kind;
      b.signatureHolder = null;
      String expected =
          "Anagrafica non valida: per la firma digitale o il sigillo indicare titolare e scadenza"
              + " del certificato.";
      assertThat(messageOf(b.build())).isEqualTo(expected);

      b.signatureHolder = "Mario Rossi";
      b.signatureValidUntil = null;
      assertThat(messageOf(b.build())).isEqualTo(expected);

      b.signatureValidUntil = EXPIRY;
      b.signatureHolder = " Mario Rossi ";
      CommandRegistry v = b.build().validated();
      assertThat(v.signatureKind()).isEqualTo(kind);
      assertThat(v.signatureHolder()).isEqualTo("Mario Rossi");
      assertThat(v.signatureValidUntil()).isEqualTo(EXPIRY);
    }

    @Test
    void noSignatureNeedsNeitherHolderNorExpiry() {
      Builder b = registry();
      b.signatureKind = SignatureKind.NONE;
      b.signatureHolder = null;
      b.signatureValidUntil = null;
      assertThat(b.build().validated().signatureKind()).isEqualTo(SignatureKind.NONE);
    }
  }

  @Nested
  class Complete {

    @Test
    void aNewCommandIsIncompleteUntilItHasAPec() {
      CommandRegistry initial = CommandRegistry.initial("Comando PL Latina", BodyKind.COMUNE, CF);
      assertThat(initial.complete()).isFalse();
      assertThat(initial.signatureKind()).isEqualTo(SignatureKind.NONE);
      assertThat(registry().build().complete()).isTrue();
    }

    @Test
    void nameTaxCodeAndPecAreWhatCounts() {
      Builder b = registry();
      b.officialName = " ";
      assertThat(b.build().complete()).isFalse();
      b = registry();
      b.taxCode = null;
      assertThat(b.build().complete()).isFalse();
      b = registry();
      b.pec = "";
      assertThat(b.build().complete()).isFalse();
      b = registry();
      b.email = null;
      b.website = null;
      b.phone = null;
      b.signatureKind = null;
      assertThat(b.build().complete()).isTrue();
    }
  }
}
