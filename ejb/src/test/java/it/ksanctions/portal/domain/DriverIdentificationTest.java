package it.ksanctions.portal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ksanctions.portal.domain.DriverIdentification.LicenceCategory;
import it.ksanctions.shared.CodiceFiscale;
import it.ksanctions.shared.RuleViolation.Kind;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DriverIdentificationTest {

  private static final LocalDate VIOLATION = LocalDate.of(2025, 3, 10);
  private static final LocalDate TODAY = LocalDate.of(2025, 4, 1);
  private static final LocalDate ISSUED = LocalDate.of(2015, 6, 1);
  private static final LocalDate EXPIRES = LocalDate.of(2030, 6, 1);
  private static final String TAX_CODE = "RSSMRA85T10A562S";

  @Test
  void validDataMakeAnIdentification() {
    DriverIdentification driver =
        DriverIdentification.validate(
            " u1abc1234d ", "b", ISSUED, EXPIRES, "rssmra85t10a562s", VIOLATION, TODAY);

    assertThat(driver.licenceNumber()).isEqualTo("U1ABC1234D");
    assertThat(driver.category()).isEqualTo(LicenceCategory.B);
    assertThat(driver.licenceIssuedOn()).isEqualTo(ISSUED);
    assertThat(driver.licenceExpiresOn()).isEqualTo(EXPIRES);
    assertThat(driver.driverTaxCode()).isEqualTo(CodiceFiscale.parse(TAX_CODE));
  }

  @Test
  void everyProblemIsListedAtOnce() {
    assertThatThrownBy(
            () ->
                DriverIdentification.validate(
                    "U1-ABC",
                    "B2",
                    TODAY.plusDays(1),
                    VIOLATION.minusDays(1),
                    "RSSMRA85T10A562A",
                    VIOLATION,
                    TODAY))
        .isInstanceOfSatisfying(
            PortalRuleException.class,
            e -> {
              assertThat(e.code()).isEqualTo("portal.driver.invalid");
              assertThat(e.kind()).isEqualTo(Kind.INVALID_INPUT);
              assertThat(e.italianMessage())
                  .startsWith("I dati del conducente non sono corretti: ")
                  .contains("il numero della patente deve avere 10 caratteri")
                  .contains("la categoria della patente \"B2\" non esiste")
                  .contains(
                      "la data di rilascio della patente (02/04/2025) non può essere nel futuro")
                  .contains(
                      "la patente risulta scaduta il 09/03/2025, prima della violazione del 10/03/2025")
                  .contains("il carattere di controllo non corrisponde")
                  .endsWith(".");
            });
    assertThat(
            DriverIdentification.problems(
                "U1-ABC",
                "B2",
                TODAY.plusDays(1),
                VIOLATION.minusDays(1),
                "RSSMRA85T10A562A",
                VIOLATION,
                TODAY))
        .hasSize(5);
  }

  @Test
  void eachProblemNamesItsField() {
    assertThat(
            DriverIdentification.fieldProblems(
                "U1-ABC",
                "B2",
                TODAY.plusDays(1),
                VIOLATION.minusDays(1),
                "RSSMRA85T10A562A",
                VIOLATION,
                TODAY))
        .extracting(DriverProblem::field)
        .containsExactly(
            DriverField.LICENCE_NUMBER,
            DriverField.CATEGORY,
            DriverField.ISSUED_ON,
            DriverField.EXPIRES_ON,
            DriverField.DRIVER_TAX_CODE);
    assertThat(
            DriverIdentification.fieldProblems(
                "U1ABC1234D", "B", ISSUED, EXPIRES, TAX_CODE, VIOLATION, TODAY))
        .isEmpty();
  }

  @Test
  void missingValuesAreNamed() {
    assertThat(DriverIdentification.problems(null, " ", null, null, "", VIOLATION, TODAY))
        .containsExactly(
            "manca il numero della patente",
            "manca la categoria della patente",
            "manca la data di rilascio della patente",
            "manca la data di scadenza della patente",
            "manca il codice fiscale del conducente");
  }

  @Test
  void aLicenceExpiredTheDayBeforeTheViolationIsRefusedOnTheDayItselfIsFine() {
    assertThat(
            DriverIdentification.problems(
                "U1ABC1234D", "B", ISSUED, VIOLATION.minusDays(1), TAX_CODE, VIOLATION, TODAY))
        .singleElement()
        .asString()
        .startsWith("la patente risulta scaduta il 09/03/2025");
    assertThat(
            DriverIdentification.problems(
                "U1ABC1234D", "B", ISSUED, VIOLATION, TAX_CODE, VIOLATION, TODAY))
        .isEmpty();
  }

  @Test
  void aLicenceIssuedTodayIsFineTomorrowIsNot() {
    assertThat(
            DriverIdentification.problems(
                "U1ABC1234D", "B", TODAY, EXPIRES, TAX_CODE, VIOLATION, TODAY))
        .isEmpty();
    assertThat(
            DriverIdentification.problems(
                "U1ABC1234D", "B", TODAY.plusDays(1), EXPIRES, TAX_CODE, VIOLATION, TODAY))
        .containsExactly(
            "la data di rilascio della patente (02/04/2025) non può essere nel futuro");
  }

  @Test
  void anExpiryBeforeTheIssueIsRefused() {
    assertThat(
            DriverIdentification.problems(
                "U1ABC1234D",
                "B",
                LocalDate.of(2025, 3, 20),
                LocalDate.of(2025, 3, 15),
                TAX_CODE,
                VIOLATION,
                TODAY))
        .containsExactly("la data di scadenza della patente precede la data di rilascio");
  }

  @ParameterizedTest
  @ValueSource(strings = {"U1ABC1234", "U1ABC1234DX", "U1ABC-234D", "U1ÀBC1234D"})
  void theLicenceNumberHasTenLettersOrDigits(String number) {
    assertThat(
            DriverIdentification.problems(number, "B", ISSUED, EXPIRES, TAX_CODE, VIOLATION, TODAY))
        .singleElement()
        .asString()
        .startsWith("il numero della patente deve avere 10 caratteri");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "AM", "A1", "A2", "A", "B1", "B", "BE", "C1", "C1E", "C", "CE", "D1", "D1E", "D", "DE"
      })
  void everyItalianCategoryIsKnown(String category) {
    assertThat(LicenceCategory.parse(category)).isPresent();
    assertThat(LicenceCategory.parse(category.toLowerCase())).isPresent();
  }

  @Test
  void aMalformedTaxCodeIsNamed() {
    assertThat(
            DriverIdentification.problems(
                "U1ABC1234D", "B", ISSUED, EXPIRES, "RSSMRA85", VIOLATION, TODAY))
        .singleElement()
        .asString()
        .startsWith("il codice fiscale del conducente non ha il formato corretto");
  }

  @ParameterizedTest(name = "issued {0}, violation {1}: {2} points")
  @CsvSource({
    "2022-03-10, 2025-03-09, 10", // 2 years and 364 days: doubled
    "2022-03-10, 2025-03-10, 5", // exactly 3 years: not doubled
    "2022-03-10, 2022-03-10, 10", // the issue day itself
    "2015-06-01, 2025-03-10, 5"
  })
  void pointsAreDoubledInTheFirstThreeYears(LocalDate issued, LocalDate violation, int points) {
    assertThat(DriverIdentification.pointsToDeduct(5, issued, violation)).isEqualTo(points);
  }

  @Test
  void theLicenceKnowsItsPoints() {
    DriverIdentification driver =
        DriverIdentification.validate(
            "U1ABC1234D", "B", LocalDate.of(2023, 1, 15), EXPIRES, TAX_CODE, VIOLATION, TODAY);

    assertThat(driver.pointsToDeduct(3, VIOLATION)).isEqualTo(6);
    assertThat(driver.pointsToDeduct(0, VIOLATION)).isZero();
    assertThatThrownBy(() -> driver.pointsToDeduct(-1, VIOLATION))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theConstructorRefusesAMalformedLicenceNumber() {
    assertThatThrownBy(
            () ->
                new DriverIdentification(
                    "u1abc1234d",
                    LicenceCategory.B,
                    ISSUED,
                    EXPIRES,
                    CodiceFiscale.parse(TAX_CODE)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
