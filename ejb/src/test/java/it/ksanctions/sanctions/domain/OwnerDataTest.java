package it.ksanctions.sanctions.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OwnerDataTest {

  static final String PERSON = "RSSMRA85T10A562S";
  static final String COMPANY = "00097020598";

  static OwnerData person() {
    return new OwnerData(
        " ab 123-cd ",
        null,
        "Mario Rossi",
        " rssmra85t10a562s ",
        "Via Roma 1",
        "04100",
        "Latina",
        "lt",
        "mario.rossi@pec.it");
  }

  static List<String> columns(OwnerData data) {
    return data.problems().stream().map(CameraRow.FieldProblem::column).toList();
  }

  @Test
  void aPersonIsNormalisedAndToldByItsCodiceFiscale() {
    OwnerData data = person();

    assertThat(data.problems()).isEmpty();
    VehicleOwner owner = data.toOwner(OwnerSource.MANUAL, null, Instant.EPOCH, "admin");
    assertThat(owner.plate()).isEqualTo("AB123CD");
    assertThat(owner.country()).isEqualTo("IT");
    assertThat(owner.taxCode()).isEqualTo(PERSON);
    assertThat(owner.province()).isEqualTo("LT");
    assertThat(owner.kind()).isEqualTo(OwnerKind.PERSON);
    assertThat(owner.address()).isEqualTo("Via Roma 1, 04100 Latina (LT)");
    assertThat(owner.sameOwnerAs(person())).isTrue();
  }

  @Test
  void aCompanyIsToldByItsNumericTaxCodeAndThePecIsOptional() {
    OwnerData data =
        new OwnerData(
            "AB123CD", "I", "Trasporti S.r.l.", COMPANY, "Via Appia 5", "00100", "Roma", "RM", "");

    assertThat(data.problems()).isEmpty();
    assertThat(data.kind()).isEqualTo(OwnerKind.COMPANY);
    assertThat(data.pec()).isNull();
  }

  @Test
  void aWrongCheckCharacterOrDigitIsAProblemOfTheTaxCode() {
    OwnerData wrongPerson =
        new OwnerData(
            "AB123CD",
            "I",
            "Mario Rossi",
            "RSSMRA85T10A562X",
            "Via Roma 1",
            "04100",
            "Latina",
            "LT",
            null);
    OwnerData wrongCompany =
        new OwnerData(
            "AB123CD", "I", "Ditta", "00097020597", "Via Roma 1", "04100", "Latina", "LT", null);
    OwnerData neither =
        new OwnerData(
            "AB123CD", "I", "Ditta", "12345", "Via Roma 1", "04100", "Latina", "LT", null);

    assertThat(wrongPerson.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.column()).isEqualTo("codice_fiscale");
              assertThat(p.reason()).contains("carattere di controllo");
            });
    assertThat(wrongCompany.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.reason()).contains("cifra di controllo"));
    assertThat(neither.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.reason()).contains("16 caratteri"));
  }

  @Test
  void postcodeProvinceAndPecAreChecked() {
    OwnerData data =
        new OwnerData(
            "AB123CD",
            "I",
            "Mario Rossi",
            PERSON,
            "Via Roma 1",
            "4100",
            "Latina",
            "Latina",
            "non-una-pec");

    assertThat(columns(data)).containsExactly("cap", "provincia", "pec");
  }

  @Test
  void everyMissingFieldIsNamedByItsColumn() {
    OwnerData data = OwnerData.of(Map.of());

    assertThat(columns(data))
        .containsExactly(
            "targa", "nominativo", "codice_fiscale", "indirizzo", "cap", "comune", "provincia");
  }

  @Test
  void aFileRowIsReadWhateverTheCaseOfItsColumns() {
    Map<String, String> fields = new HashMap<>();
    fields.put("TARGA", "fr-456-gh");
    fields.put("Nazione", "f");
    fields.put("nominativo", "Jean Dupont");
    fields.put("codice_fiscale", PERSON);
    fields.put("indirizzo", "Rue de la Paix 3");
    fields.put("cap", "04100");
    fields.put("comune", "Latina");
    fields.put("provincia", "LT");
    fields.put("pec", null);

    OwnerData data = OwnerData.of(fields);

    assertThat(data.problems()).isEmpty();
    assertThat(data.plate()).isEqualTo("FR456GH");
    assertThat(data.country()).isEqualTo("F");
  }

  @Test
  void dataWithProblemsIsRefusedInItalianNamingEachColumn() {
    OwnerData data =
        new OwnerData("A", "I", "Mario Rossi", PERSON, "Via Roma 1", "041", "Latina", "LT", null);

    assertThatThrownBy(() -> data.toOwner(OwnerSource.MANUAL, null, Instant.EPOCH, "admin"))
        .isInstanceOf(SanctionsRuleException.class)
        .satisfies(
            e -> {
              SanctionsRuleException refusal = (SanctionsRuleException) e;
              assertThat(refusal.code()).isEqualTo("sanctions.vehicle-owner.invalid");
              assertThat(refusal.italianMessage()).contains("targa:").contains("cap:");
            });
  }
}
