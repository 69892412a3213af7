package it.ksanctions.it.sanctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ksanctions.it.support.Deployments;
import it.ksanctions.permissions.application.CurrentStaff;
import it.ksanctions.platform.application.TenantOnboarding;
import it.ksanctions.platform.domain.OnboardingRequest;
import it.ksanctions.sanctions.application.VehicleOwners;
import it.ksanctions.sanctions.application.VehicleOwners.ImportReport;
import it.ksanctions.sanctions.application.VehicleOwners.Recorded;
import it.ksanctions.sanctions.application.VehicleRegistry;
import it.ksanctions.sanctions.domain.OwnerData;
import it.ksanctions.sanctions.domain.OwnerKind;
import it.ksanctions.sanctions.domain.OwnerSource;
import it.ksanctions.sanctions.domain.SanctionsRuleException;
import it.ksanctions.sanctions.domain.VehicleOwner;
import it.ksanctions.tenancy.context.TenantId;
import it.ksanctions.tenancy.context.TenantScope;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Vehicle owners in the server (issue 13 item 5): an owner typed by hand (identical data not
 * repeated, wrong data refused by column), an owner file with one wrong row storing nothing and
 * reporting it, a good file storing every row, the latest record of a plate winning through the
 * registry port, and two tenants each seeing only their own owners.
 */
@ExtendWith(ArquillianExtension.class)
class VehicleOwnersIT {

  static final String ALFA = "own-alfa";
  static final String BETA = "own-beta";
  static final ZoneId ITALY = ZoneId.of("Europe/Rome");
  static final String HEADER =
      "targa;nazione;nominativo;codice_fiscale;indirizzo;cap;comune;provincia;pec\n";
  static final String PERSON = "RSSMRA85T10A562S";
  static final String COMPANY = "00097020598";

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.shared();
  }

  @Inject TenantOnboarding onboarding;
  @Inject CurrentStaff currentStaff;
  @Inject VehicleOwners owners;
  @Inject VehicleRegistry registry;

  @BeforeEach
  void twoCommands() {
    for (String slug : List.of(ALFA, BETA)) {
      onboarding.onboard(
          OnboardingRequest.validated(
              slug, "Comune " + slug, "COMUNE", "00097020598", null, List.of()));
    }
  }

  static OwnerData rossi(String plate) {
    return new OwnerData(
        plate, "I", "Mario Rossi", PERSON, "Via Roma 1", "04100", "Latina", "LT", "m.rossi@pec.it");
  }

  static OwnerData company(String plate) {
    return new OwnerData(
        plate, "I", "Trasporti S.r.l.", COMPANY, "Via Appia 5", "00100", "Roma", "RM", null);
  }

  static InputStream csv(String rows) {
    return new ByteArrayInputStream((HEADER + rows).getBytes(StandardCharsets.UTF_8));
  }

  static LocalDate today() {
    return LocalDate.now(ITALY);
  }

  @Test
  void anOwnerTypedByHandIsRecordedOnceAndWrongDataIsRefusedByColumn() {
    try (TenantScope scope = TenantScope.enter(TenantId.of(ALFA))) {
      currentStaff.signIn("admin." + ALFA);

      Recorded first = owners.record(rossi("ma 100-aa"));
      Recorded again = owners.record(rossi("MA100AA"));

      assertThat(first.created()).isTrue();
      assertThat(first.owner().plate()).isEqualTo("MA100AA");
      assertThat(first.owner().kind()).isEqualTo(OwnerKind.PERSON);
      assertThat(first.owner().source()).isEqualTo(OwnerSource.MANUAL);
      assertThat(first.owner().recordedBy()).isEqualTo("admin." + ALFA);
      assertThat(again.created()).isFalse();
      assertThat(owners.history("MA100AA", "I")).hasSize(1);
      assertThat(registry.ownerOf("MA100AA", null, today()))
          .hasValueSatisfying(o -> assertThat(o.taxCode()).isEqualTo(PERSON));

      OwnerData wrong =
          new OwnerData(
              "MA101AA",
              "I",
              "Mario Rossi",
              "RSSMRA85T10A562X",
              "Via Roma 1",
              "041",
              "Latina",
              "LT",
              "non-una-pec");
      assertThatThrownBy(() -> owners.record(wrong))
          .isInstanceOf(SanctionsRuleException.class)
          .hasMessageContaining("codice_fiscale")
          .hasMessageContaining("cap")
          .hasMessageContaining("pec");
      assertThat(owners.history("MA101AA", "I")).isEmpty();
    }
  }

  @Test
  void aFileWithOneWrongRowStoresNothingAndReportsIt() {
    try (TenantScope scope = TenantScope.enter(TenantId.of(ALFA))) {
      currentStaff.signIn("admin." + ALFA);

      ImportReport report =
          owners.importFile(
              csv(
                  "FA100AA;I;Mario Rossi;"
                      + PERSON
                      + ";Via Roma 1;04100;Latina;LT;\n"
                      + "FA200AA;I;Ditta;00097020597;Via Appia 5;00100;Roma;RM;\n"
                      + "FA300AA;I;Trasporti S.r.l.;"
                      + COMPANY
                      + ";Via Appia 5;00100;Roma;RM;\n"),
              "proprietari-errati.csv");

      assertThat(report.accepted()).isFalse();
      assertThat(report.stored()).isZero();
      assertThat(report.problems())
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.row()).isEqualTo(2);
                assertThat(p.column()).isEqualTo("codice_fiscale");
                assertThat(p.reason()).contains("cifra di controllo");
              });
      assertThat(owners.history("FA100AA", "I")).isEmpty();
      assertThat(owners.history("FA300AA", "I")).isEmpty();
    }
  }

  @Test
  void aGoodFileStoresEveryRowAndTheSameFileAgainChangesNothing() {
    try (TenantScope scope = TenantScope.enter(TenantId.of(ALFA))) {
      currentStaff.signIn("admin." + ALFA);
      String rows =
          "GA100AA;I;Mario Rossi;"
              + PERSON
              + ";Via Roma 1;04100;Latina;LT;m.rossi@pec.it\n"
              + "GA200AA;;Trasporti S.r.l.;"
              + COMPANY
              + ";Via Appia 5;00100;Roma;RM;\n"
              + "gb 300 cd;F;Jean Dupont;"
              + PERSON
              + ";Rue de la Paix 3;04100;Latina;LT;\n";

      ImportReport report = owners.importFile(csv(rows), "proprietari.csv");
      ImportReport again = owners.importFile(csv(rows), "proprietari.csv");

      assertThat(report.accepted()).isTrue();
      assertThat(report.stored()).isEqualTo(3);
      assertThat(again.stored()).isZero();
      assertThat(again.unchanged()).isEqualTo(3);
      assertThat(registry.ownerOf("GA200AA", "I", today()))
          .hasValueSatisfying(
              o -> {
                assertThat(o.kind()).isEqualTo(OwnerKind.COMPANY);
                assertThat(o.source()).isEqualTo(OwnerSource.FILE);
                assertThat(o.fileName()).isEqualTo("proprietari.csv");
                assertThat(o.pec()).isNull();
              });
      assertThat(registry.ownerOf("GB300CD", "F", today())).isPresent();
      assertThat(registry.ownerOf("GB300CD", "I", today())).isEmpty();
    }
  }

  @Test
  void theLatestRecordOfAPlateWinsAndTheEarlierOnesStayAsItsHistory() {
    try (TenantScope scope = TenantScope.enter(TenantId.of(ALFA))) {
      currentStaff.signIn("admin." + ALFA);

      owners.record(rossi("LA100AA"));
      ImportReport report =
          owners.importFile(
              csv(
                  "LA100AA;I;Trasporti S.r.l.;"
                      + COMPANY
                      + ";Via Appia 5;00100;Roma;RM;\n"
                      + "LA100AA;I;Trasporti S.r.l.;"
                      + COMPANY
                      + ";Via Appia 7;00100;Roma;RM;\n"),
              "passaggi.csv");

      assertThat(report.stored()).isEqualTo(2);
      assertThat(registry.ownerOf("LA100AA", "I", today()))
          .hasValueSatisfying(o -> assertThat(o.street()).isEqualTo("Via Appia 7"));
      List<VehicleOwner> history = owners.history("LA100AA", "I");
      assertThat(history)
          .extracting(VehicleOwner::street)
          .containsExactly("Via Appia 7", "Via Appia 5", "Via Roma 1");
      // Before anything was recorded, the first record is the best knowledge there is.
      assertThat(registry.ownerOf("LA100AA", "I", today().minusYears(1)))
          .hasValueSatisfying(o -> assertThat(o.name()).isEqualTo("Mario Rossi"));
      assertThat(owners.lookup("LA100AA", "I", null))
          .hasValueSatisfying(o -> assertThat(o.name()).isEqualTo("Trasporti S.r.l."));
    }
  }

  @Test
  void twoTenantsSeeOnlyTheirOwnOwners() {
    try (TenantScope scope = TenantScope.enter(TenantId.of(ALFA))) {
      currentStaff.signIn("admin." + ALFA);
      owners.record(rossi("TA100AA"));
    }
    try (TenantScope scope = TenantScope.enter(TenantId.of(BETA))) {
      currentStaff.signIn("admin." + BETA);
      assertThat(registry.ownerOf("TA100AA", "I", today())).isEmpty();
      assertThat(owners.history("TA100AA", "I")).isEmpty();
      owners.record(company("TA100AA"));
      assertThat(registry.ownerOf("TA100AA", "I", today()))
          .hasValueSatisfying(o -> assertThat(o.kind()).isEqualTo(OwnerKind.COMPANY));
    }
    try (TenantScope scope = TenantScope.enter(TenantId.of(ALFA))) {
      currentStaff.signIn("admin." + ALFA);
      assertThat(owners.history("TA100AA", "I"))
          .singleElement()
          .satisfies(o -> assertThat(o.kind()).isEqualTo(OwnerKind.PERSON));
    }
  }
}
