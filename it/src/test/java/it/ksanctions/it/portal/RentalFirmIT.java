package it.ksanctions.it.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ksanctions.it.support.Deployments;
import it.ksanctions.it.support.TenantProbe;
import it.ksanctions.permissions.application.CurrentStaff;
import it.ksanctions.platform.application.DemoData;
import it.ksanctions.platform.application.TenantOnboarding;
import it.ksanctions.platform.domain.OnboardingRequest;
import it.ksanctions.portal.application.CitizenRequests;
import it.ksanctions.portal.application.CompanyDrivers;
import it.ksanctions.portal.application.CompanyDrivers.Company;
import it.ksanctions.portal.application.CompanyDrivers.DriverState;
import it.ksanctions.portal.application.CompanyDrivers.Outcome;
import it.ksanctions.portal.application.CompanyDrivers.RowProblem;
import it.ksanctions.portal.application.CompanyDrivers.SentRequest;
import it.ksanctions.portal.domain.PortalRuleException;
import it.ksanctions.portal.domain.RequestStatus;
import it.ksanctions.sanctions.application.PreNotices;
import it.ksanctions.sanctions.application.VehicleOwners;
import it.ksanctions.sanctions.application.Verbali;
import it.ksanctions.sanctions.application.Verbali.VerbaleView;
import it.ksanctions.sanctions.domain.OwnerData;
import it.ksanctions.sanctions.domain.VehicleType;
import it.ksanctions.shared.CodiceFiscale;
import it.ksanctions.tenancy.context.TenantId;
import it.ksanctions.tenancy.context.TenantScope;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A rental firm names its drivers with a CSV (issue 16 item 6), in the container: on a command with
 * its demo content (the demo firm owns two notified acts) and another firm's act, a file with wrong
 * rows is refused with every problem by row and column and nothing recorded; another firm's act
 * reads exactly like one that does not exist (no IDOR); files of the wrong type, size or encoding
 * are refused; a good file (BOM, commas) becomes one driver identification per row, the same file
 * again answers the first upload, a second naming of an act is refused, and the office validates a
 * firm's request and records the points.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RentalFirmIT {

  static final String SLUG = "rf-alfa";
  static final String OTHER_FIRM = "04123456784";
  static final ZoneId ITALY = ZoneId.of("Europe/Rome");
  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  static final Company FIRM =
      new Company(DemoData.RENTAL_FIRM_TAX_CODE, DemoData.RENTAL_FIRM_NAME, "noleggio.demo");
  static final Company OTHER = new Company(OTHER_FIRM, "Leasing Altra S.p.A.", "leasing.altra");
  static final String HEADER =
      "numero_verbale;conducente;codice_fiscale;numero_patente;categoria;data_rilascio;data_scadenza";
  static final String PAOLO = cf("NREPLA90A01E472");
  static final String ANNA = cf("BLANNA85C41E472");

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.shared();
  }

  @Inject TenantOnboarding onboarding;
  @Inject DemoData demoData;
  @Inject CurrentStaff currentStaff;
  @Inject PreNotices preNotices;
  @Inject VehicleOwners owners;
  @Inject Verbali verbali;
  @Inject CompanyDrivers drivers;
  @Inject CitizenRequests requests;
  @Inject TenantProbe probe;

  static String cf(String first15) {
    return first15 + CodiceFiscale.checkCharacterOf(first15);
  }

  @Test
  @Order(1)
  void theDemoFirmSeesItsTwoActsToName() {
    onboarding.onboard(
        OnboardingRequest.validated(
            SLUG, "Comune di Alfa (noleggi)", "COMUNE", "00097020598", null, List.of()));
    assertThat(demoData.seed(SLUG, "verde", "assistenza").seeded()).isTrue();
    try (TenantScope scope = TenantScope.enter(TenantId.of(SLUG))) {
      currentStaff.signIn("admin." + SLUG);
      // another firm's act, notified today
      owners.record(
          new OwnerData(
              "LS100BC",
              "IT",
              OTHER.name(),
              OTHER_FIRM,
              "Via Milano 3",
              "04100",
              "Latina",
              "LT",
              null));
      java.util.UUID id =
          preNotices
              .recordPaper(
                  new PreNotices.PaperEntry(
                      LocalDateTime.now(ITALY).minusHours(2).truncatedTo(ChronoUnit.MINUTES),
                      "VIA-ROMA",
                      "142c8",
                      "LS100BC",
                      "IT",
                      VehicleType.CAR,
                      "admin." + SLUG,
                      null,
                      List.of()))
              .id();
      preNotices.validate(id);
      long other = verbali.issue(Verbali.Source.preNotice(id), null).verbale().id();
      verbali.notified(other, LocalDate.now(ITALY));

      List<CompanyDrivers.ActLine> acts = drivers.acts(FIRM);
      assertThat(acts)
          .extracting(CompanyDrivers.ActLine::plate)
          .containsExactlyInAnyOrder("FN234RT", "FN567RT");
      assertThat(acts)
          .allSatisfy(
              a -> {
                assertThat(a.driver()).isEqualTo(DriverState.TO_NAME);
                assertThat(a.lastDay()).isEqualTo(LocalDate.now(ITALY).plusDays(60));
                assertThat(a.driverNote()).contains("Entro il", "giorni rimasti: 60");
              });
      assertThat(drivers.acts(OTHER))
          .extracting(CompanyDrivers.ActLine::plate)
          .containsExactly("LS100BC");
    }
  }

  @Test
  @Order(2)
  void aFileWithWrongRowsIsRefusedWithEveryProblemAndNothingIsRecorded() {
    try (TenantScope scope = TenantScope.enter(TenantId.of(SLUG))) {
      List<String> mine = firmNumbers();
      String others = numberOf("LS100BC");
      String csv =
          HEADER
              + "\n"
              + row(mine.get(0), "Paolo Neri", PAOLO, "U1AB123456", "B", years(-5), years(5))
              + row(
                  mine.get(1),
                  "Anna Blu",
                  "BLANNA85C41E47XX",
                  "U1AB654321",
                  "Z",
                  years(-5),
                  LocalDate.now(ITALY).minusDays(30))
              + row(others, "Paolo Neri", PAOLO, "U1AB123456", "B", years(-5), years(5))
              + row("PL/1999/999999", "Paolo Neri", PAOLO, "U1AB123456", "B", years(-5), years(5))
              + row(mine.get(0), "Anna Blu", ANNA, "U1AB654321", "B", years(-5), years(5))
              + row(mine.get(1), "X", ANNA, "U1AB654321", "B", "31/02/2020", years(5));
      Outcome outcome = drivers.upload(FIRM, "conducenti.csv", utf8(csv), true);

      assertThat(outcome.refused()).isTrue();
      assertThat(outcome.recorded()).isFalse();
      List<String> report =
          outcome.problems().stream()
              .map(p -> p.row() + " | " + p.column() + " | " + p.reason())
              .toList();
      assertThat(report)
          .anyMatch(l -> l.startsWith("3 | Codice fiscale del conducente | Il codice fiscale"))
          .anyMatch(l -> l.startsWith("3 | Categoria | La categoria della patente \"Z\""))
          .anyMatch(l -> l.startsWith("3 | Data di scadenza | La patente risulta scaduta il"))
          .anyMatch(
              l ->
                  l.equals(
                      "4 | Numero del verbale | Il verbale n. "
                          + others
                          + " non risulta tra i verbali intestati all'azienda presso questo"
                          + " comando."))
          .anyMatch(
              l ->
                  l.equals(
                      "5 | Numero del verbale | Il verbale n. PL/1999/999999 non risulta tra i"
                          + " verbali intestati all'azienda presso questo comando."))
          .anyMatch(l -> l.startsWith("6 | Numero del verbale | Il verbale n. " + mine.get(0)))
          .anyMatch(l -> l.contains("compare anche alla riga 2"))
          .anyMatch(l -> l.startsWith("7 | Nome e cognome del conducente | Indicare nome"))
          .anyMatch(l -> l.startsWith("7 | Data di rilascio | La data «31/02/2020»"));
      // another firm's act reads exactly as one that does not exist
      assertThat(reasonOf(outcome, 4).replace(others, "N"))
          .isEqualTo(reasonOf(outcome, 5).replace("PL/1999/999999", "N"));
      // the first row is right, yet nothing of the file is kept
      assertThat(report).noneMatch(l -> l.startsWith("2 |"));
      assertThat(drivers.sent(FIRM)).isEmpty();
      assertThat(drivers.uploads(FIRM)).isEmpty();
      assertThat(count("citizen_request")).isZero();
      assertThat(count("company_driver_upload")).isZero();
      assertThat(drivers.acts(FIRM)).allMatch(a -> a.driver() == DriverState.TO_NAME);
    }
  }

  @Test
  @Order(3)
  void filesOfTheWrongTypeSizeOrEncodingAreRefused() {
    try (TenantScope scope = TenantScope.enter(TenantId.of(SLUG))) {
      assertThat(fileProblem(utf8("%PDF-1.4\n%%EOF\n"), "conducenti.csv"))
          .contains("non è un CSV di testo", "PDF");
      assertThat(fileProblem(new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0}, "conducenti.csv"))
          .contains(".xlsx");
      assertThat(fileProblem(utf8(HEADER + "\n"), "conducenti.pdf")).contains("estensione .csv");
      assertThat(
              fileProblem(
                  (HEADER + "\nPL/1;Nicolò Neri;X;U1AB123456;B;01/02/2020;01/02/2030\n")
                      .getBytes(StandardCharsets.ISO_8859_1),
                  "conducenti.csv"))
          .contains("UTF-8");
      byte[] big = new byte[300 * 1024];
      java.util.Arrays.fill(big, (byte) 'a');
      assertThat(fileProblem(big, "conducenti.csv")).contains("supera il massimo");
      assertThat(fileProblem(new byte[0], "conducenti.csv")).contains("vuoto");
      // without the company's declaration nothing is read
      assertThatThrownBy(() -> drivers.upload(FIRM, "conducenti.csv", utf8(HEADER + "\n"), false))
          .isInstanceOf(PortalRuleException.class)
          .extracting(e -> ((PortalRuleException) e).italianMessage())
          .asString()
          .contains("confermare la dichiarazione");
      // nor without a verified company
      assertThatThrownBy(
              () -> drivers.upload(new Company(null, "x", "x"), "c.csv", utf8(HEADER), true))
          .isInstanceOf(PortalRuleException.class);
      assertThatThrownBy(() -> drivers.acts(new Company("12345678901", "x", "x")))
          .isInstanceOf(PortalRuleException.class);
      assertThat(count("company_driver_upload")).isZero();
    }
  }

  @Test
  @Order(4)
  void aGoodFileNamesEveryDriverOnceAndTheSameFileAgainAnswersTheFirstUpload() {
    try (TenantScope scope = TenantScope.enter(TenantId.of(SLUG))) {
      List<String> mine = firmNumbers();
      String csv =
          "\uFEFF"
              + HEADER.replace(';', ',')
              + "\r\n"
              + String.join(
                  ",",
                  mine.get(0),
                  "\"Neri, Paolo\"",
                  PAOLO.toLowerCase(),
                  "u1ab123456",
                  "b",
                  years(-1),
                  years(9))
              + "\r\n"
              + String.join(
                  ",", mine.get(1), "Anna Blu", ANNA, "U1AB654321", "B", "2015-06-01", years(5))
              + "\r\n";
      byte[] file = utf8(csv);
      Outcome first = drivers.upload(FIRM, "conducenti-marzo.csv", file, true);
      assertThat(first.problems()).isEmpty();
      assertThat(first.recorded()).isTrue();
      assertThat(first.upload().rows()).isEqualTo(2);
      assertThat(first.requests())
          .extracting(SentRequest::actNumber, SentRequest::driverName, SentRequest::status)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple(
                  mine.get(0), "Neri, Paolo", RequestStatus.RECEIVED),
              org.assertj.core.groups.Tuple.tuple(mine.get(1), "Anna Blu", RequestStatus.RECEIVED));
      assertThat(first.requests()).extracting(SentRequest::row).containsExactlyInAnyOrder(2, 3);
      assertThat(drivers.acts(FIRM)).allMatch(a -> a.driver() == DriverState.NAMED);

      // the same file again: nothing new, the first upload's requests
      Outcome again = drivers.upload(FIRM, "copia.csv", file, true);
      assertThat(again.replay()).isTrue();
      assertThat(again.recorded()).isFalse();
      assertThat(again.upload().id()).isEqualTo(first.upload().id());
      assertThat(again.upload().fileName()).isEqualTo("conducenti-marzo.csv");
      assertThat(again.requests())
          .extracting(SentRequest::id)
          .containsExactlyInAnyOrderElementsOf(
              first.requests().stream().map(SentRequest::id).toList());
      assertThat(count("citizen_request")).isEqualTo(2);
      assertThat(drivers.uploads(FIRM)).hasSize(1);

      // another file naming an act already named is refused on that row
      Outcome second =
          drivers.upload(
              FIRM,
              "correzione.csv",
              utf8(
                  HEADER
                      + "\n"
                      + row(mine.get(0), "Anna Blu", ANNA, "U1AB654321", "B", years(-5), years(5))),
              true);
      assertThat(second.problems())
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.row()).isEqualTo(2);
                assertThat(p.reason()).contains("sono già stati comunicati", "Ricevuta");
              });
      assertThat(count("citizen_request")).isEqualTo(2);

      // the office sees the firm's request and validates it: the points are recorded
      currentStaff.signIn("admin." + SLUG);
      SentRequest paolo =
          first.requests().stream()
              .filter(r -> r.actNumber().equals(mine.get(0)))
              .findFirst()
              .orElseThrow();
      CitizenRequests.RequestView seen = requests.detail(paolo.id());
      assertThat(seen.taxCode()).isEqualTo(DemoData.RENTAL_FIRM_TAX_CODE);
      assertThat(seen.attachments()).isEmpty();
      assertThat(seen.body())
          .contains(DemoData.RENTAL_FIRM_NAME, "riga 2", "conserva copia della patente")
          .contains("Neri, Paolo", PAOLO, "U1AB123456");
      assertThat(seen.steps())
          .singleElement()
          .extracting(CitizenRequests.Step::by)
          .isEqualTo("azienda noleggio.demo");
      requests.move(paolo.id(), RequestStatus.IN_REVIEW, null);
      requests.move(paolo.id(), RequestStatus.ACCEPTED, null);
      List<?> points =
          probe.readForeignTable(
              "(select driver_tax_code, doubled from licence_points_communication where"
                  + " request_id = "
                  + paolo.id()
                  + ") as p");
      assertThat(points).hasSize(1);
      assertThat(((Object[]) points.get(0))[0]).isEqualTo(PAOLO);
      assertThat(((Object[]) points.get(0))[1]).isEqualTo(Boolean.TRUE); // a licence of a year
      assertThat(drivers.sent(FIRM))
          .filteredOn(r -> r.id() == paolo.id())
          .singleElement()
          .extracting(SentRequest::status)
          .isEqualTo(RequestStatus.ACCEPTED);
    }
  }

  @Test
  @Order(5)
  void afterSixtyDaysTheTermHasElapsed() {
    try (TenantScope scope = TenantScope.enter(TenantId.of(SLUG))) {
      String others = numberOf("LS100BC");
      LocalDate notified = LocalDate.now(ITALY).minusDays(61);
      probe.execute(
          "update verbale set notified_on = date '"
              + notified
              + "' where owner_tax_code = '"
              + OTHER_FIRM
              + "'");
      probe.evictAll(); // the acts are cached entities
      assertThat(drivers.acts(OTHER))
          .singleElement()
          .extracting(CompanyDrivers.ActLine::driver)
          .isEqualTo(DriverState.ELAPSED);
      Outcome late =
          drivers.upload(
              OTHER,
              "tardivo.csv",
              utf8(
                  HEADER
                      + "\n"
                      + row(others, "Paolo Neri", PAOLO, "U1AB123456", "B", years(-5), years(5))),
              true);
      assertThat(late.problems())
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.column()).isEqualTo("Numero del verbale");
                assertThat(p.reason())
                    .contains("Il termine per comunicare i dati del conducente è scaduto il")
                    .contains(DAY.format(notified.plusDays(60)));
              });
      assertThat(drivers.uploads(OTHER)).isEmpty();
    }
  }

  // ------------------------------------------------------------------ helpers

  private List<String> firmNumbers() {
    currentStaff.signIn("admin." + SLUG);
    return verbali.search(Verbali.Filter.all()).stream()
        .filter(v -> DemoData.RENTAL_FIRM_TAX_CODE.equals(v.ownerTaxCode()))
        .sorted(java.util.Comparator.comparing(VerbaleView::plate))
        .map(VerbaleView::number)
        .toList();
  }

  private String numberOf(String plate) {
    currentStaff.signIn("admin." + SLUG);
    return verbali.search(Verbali.Filter.all()).stream()
        .filter(v -> plate.equals(v.plate()))
        .map(VerbaleView::number)
        .findFirst()
        .orElseThrow();
  }

  private String fileProblem(byte[] content, String name) {
    Outcome outcome = drivers.upload(FIRM, name, content, true);
    assertThat(outcome.problems()).singleElement().extracting(RowProblem::row).isEqualTo(0);
    return outcome.problems().get(0).reason();
  }

  private long count(String table) {
    List<?> rows = probe.readForeignTable("(select count(*) from " + table + ") as c");
    Object first = rows.get(0);
    return ((Number) (first instanceof Object[] a ? a[0] : first)).longValue();
  }

  private static String reasonOf(Outcome outcome, int row) {
    return outcome.problems().stream()
        .filter(p -> p.row() == row)
        .map(RowProblem::reason)
        .findFirst()
        .orElseThrow();
  }

  private static String years(int n) {
    return DAY.format(LocalDate.now(ITALY).plusYears(n));
  }

  private static String row(
      String number,
      String name,
      String taxCode,
      String licence,
      String category,
      Object issued,
      Object expires) {
    return String.join(
            ";",
            number,
            name,
            taxCode,
            licence,
            category,
            issued instanceof LocalDate d ? DAY.format(d) : String.valueOf(issued),
            expires instanceof LocalDate d ? DAY.format(d) : String.valueOf(expires))
        + "\n";
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
