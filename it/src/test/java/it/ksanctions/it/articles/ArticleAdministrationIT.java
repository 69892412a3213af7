package it.ksanctions.it.articles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ksanctions.articles.application.ArticleAdministration;
import it.ksanctions.articles.application.ArticleAdministration.ImportReport;
import it.ksanctions.articles.application.ArticleAdministration.Query;
import it.ksanctions.articles.application.ArticleCatalogue;
import it.ksanctions.articles.domain.AccessorySanction;
import it.ksanctions.articles.domain.ArticleChangeRefusedException;
import it.ksanctions.articles.domain.ArticleCode;
import it.ksanctions.articles.domain.ArticleStatus;
import it.ksanctions.articles.domain.CataloguedVersion;
import it.ksanctions.articles.domain.ImportProblem;
import it.ksanctions.articles.domain.InvalidArticleParticularsException;
import it.ksanctions.it.support.Deployments;
import it.ksanctions.permissions.application.AccessDeniedException;
import it.ksanctions.permissions.application.AdministrationException;
import it.ksanctions.permissions.application.AuditTrail;
import it.ksanctions.permissions.application.CurrentStaff;
import it.ksanctions.permissions.application.PermissionsAdministration;
import it.ksanctions.permissions.application.PermissionsAdministration.NewUser;
import it.ksanctions.platform.application.TenantOnboarding;
import it.ksanctions.platform.domain.OnboardingRequest;
import it.ksanctions.shared.CodiceFiscale;
import it.ksanctions.tenancy.context.TenantId;
import it.ksanctions.tenancy.context.TenantScope;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Maintenance of the Articles catalogue in the server (ART-2, ART-3, ART-5, ART-7): imports reject
 * bad files with a per-row report and store nothing; a new version from a day changes the amounts
 * of violations from that day only; changes need confirmation, reason and legal source; a repeal is
 * final; a field officer may consult but not change; exports hold the search result.
 */
@ExtendWith(ArquillianExtension.class)
class ArticleAdministrationIT {

  static final String TENANT = "art-admin";
  static final String ADMIN = "admin." + TENANT;

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.shared();
  }

  @Inject TenantOnboarding onboarding;
  @Inject ArticleAdministration articles;
  @Inject ArticleCatalogue catalogue;
  @Inject PermissionsAdministration permissions;
  @Inject CurrentStaff currentStaff;
  @Inject AuditTrail auditTrail;

  private static ByteArrayInputStream csv(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theCatalogueIsMaintainedAsTheRulesSay() {
    onboarding.onboard(
        OnboardingRequest.validated(
            TENANT, "Comune degli Articoli", "COMUNE", "00097020598", null, List.of()));
    try (TenantScope scope = TenantScope.enter(TenantId.of(TENANT))) {
      currentStaff.signIn(ADMIN);
      int initial = articles.search(Query.all()).size();
      // The national catalogue of V14 (was 6 articles before it): at least 40 rows.
      assertThat(initial).isGreaterThanOrEqualTo(40);
      assertTheNationalCatalogue();

      // A bad file: every problem reported with its row, nothing stored.
      ImportReport bad =
          articles.importCsv(
              csv(
                  "codice;descrizione;importo_minimo;importo_massimo;valido_dal;fonte_normativa\n"
                      + "REG.ZTL1;Accesso ZTL senza titolo;100,00;80,00;01/01/2027;Ord. 1/2027\n"
                      + "REG.ZTL2;Sosta in area pedonale;abc;300;01/01/2027;Ord. 1/2027\n"
                      + "REG.ZTL3;Transito bus turistici;150;600;01/01/2027;Ord. 2/2027\n"),
              "ztl.csv");
      assertThat(bad.accepted()).isFalse();
      assertThat(bad.problems()).extracting(ImportProblem::row).contains(2L, 3L);
      assertThat(articles.search(Query.all())).hasSize(initial);
      // The rejection itself is logged (ART-8): file, user, rows.
      assertThat(
              auditTrail.search(new AuditTrail.Filter(null, null, ADMIN, null, null, "rifiutata")))
          .singleElement()
          .satisfies(
              e -> assertThat(e.recordReference()).startsWith("ztl.csv: ").contains("riga 2"));
      // A version already in the catalogue is a problem too.
      ImportReport duplicate =
          articles.importCsv(
              csv(
                  "codice;descrizione;importo_minimo;importo_massimo;valido_dal;fonte_normativa\n"
                      + "142c8;Eccesso di velocità;173;694;01/01/2021;DM 31/12/2020\n"),
              "dup.csv");
      assertThat(duplicate.problems())
          .singleElement()
          .satisfies(p -> assertThat(p.message()).contains("già nel catalogo"));

      ImportReport good =
          articles.importCsv(
              csv(
                  "codice;descrizione;importo_minimo;importo_massimo;valido_dal;fonte_normativa\n"
                      + "REG.ZTL1;Accesso ZTL senza titolo;80,00;320,00;01/01/2027;Ord. 1/2027\n"
                      + "REG.ZTL3;Transito bus turistici;150;600;01/01/2027;Ord. 2/2027\n"),
              "ztl.csv");
      assertThat(good.accepted()).as(good.problems().toString()).isTrue();
      assertThat(good.imported()).isEqualTo(2);
      assertThat(articles.search(new Query("ztl", null, null, null, null)))
          .extracting(CataloguedVersion::getCode)
          .containsExactly("REG.ZTL1", "REG.ZTL3");
      assertThat(articles.detail("REG.ZTL1").versions().get(0).isLocalRegulation()).isTrue();

      // A new version of 142 c. 8 from 1 January 2027: unconfirmed first, refused.
      assertThatThrownBy(
              () ->
                  articles.newVersion(
                      "142c8",
                      LocalDate.of(2027, 1, 1),
                      null,
                      new BigDecimal("180.00"),
                      new BigDecimal("720.00"),
                      EnumSet.noneOf(AccessorySanction.class),
                      "Aggiornamento biennale",
                      "DM 10/12/2026",
                      false))
          .isInstanceOf(ArticleChangeRefusedException.class);
      articles.newVersion(
          "142c8",
          LocalDate.of(2027, 1, 1),
          null,
          new BigDecimal("180.00"),
          new BigDecimal("720.00"),
          EnumSet.noneOf(AccessorySanction.class),
          "Aggiornamento biennale",
          "DM 10/12/2026",
          true);
      ArticleCode code = ArticleCode.parse("142c8");
      assertThat(
              catalogue.inForce(code, LocalDate.of(2026, 12, 31)).orElseThrow().getMinimumAmount())
          .isEqualByComparingTo("173.00");
      assertThat(catalogue.inForce(code, LocalDate.of(2027, 1, 1)).orElseThrow().getMinimumAmount())
          .isEqualByComparingTo("180.00");
      assertThat(articles.detail("142c8").versions())
          .extracting(CataloguedVersion::getChangedBy)
          .containsExactly("sistema", ADMIN);
      assertThat(articles.search(new Query("142 c. 8", null, null, LocalDate.of(2027, 6, 1), null)))
          .singleElement()
          .satisfies(v -> assertThat(v.getMaximumAmount()).isEqualByComparingTo("720.00"));

      // Repeal: final; the status can no longer change.
      articles.repeal("146c2", LocalDate.of(2027, 3, 1), "Abrogato", "L. 1/2027", true);
      assertThat(articles.detail("146c2").status()).isEqualTo(ArticleStatus.REPEALED);
      assertThatThrownBy(() -> articles.changeStatus("146c2", ArticleStatus.ACTIVE, "Ripristino"))
          .isInstanceOf(AdministrationException.class);
      assertThatThrownBy(
              () ->
                  articles.create(
                      "142c8",
                      false,
                      "Doppione",
                      null,
                      BigDecimal.TEN,
                      BigDecimal.TEN,
                      true,
                      EnumSet.noneOf(AccessorySanction.class),
                      LocalDate.of(2027, 1, 1),
                      "Prova",
                      "Fonte",
                      true))
          .isInstanceOf(AdministrationException.class);

      String exported =
          new String(
              articles.exportCsv(new Query("142", null, null, null, null)), StandardCharsets.UTF_8);
      assertThat(exported)
          .contains("Codice;Descrizione;Categoria;Minimo;Massimo")
          .contains("142c8;", "180,00");

      // PDF of a search: a real PDF with the command's name and the article.
      byte[] pdf =
          articles.exportPdf(new Query("142", null, null, null, null), "Comune degli Articoli");
      assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
      assertThat(pdf.length).isGreaterThan(1_000);

      // Excel: the same columns on the first sheet; a bad row is reported with the sheet's row.
      byte[] badSheet =
          workbook(
              new Object[] {
                "REG.SOSTA1",
                "Sosta oltre il tempo",
                41.0,
                168.0,
                LocalDate.of(2027, 2, 1),
                "Ord. 5/2027"
              },
              new Object[] {
                "REG.SOSTA2",
                "Sosta su stallo riservato",
                "tanti",
                300.0,
                LocalDate.of(2027, 2, 1),
                "Ord. 5/2027"
              });
      ImportReport badExcel =
          articles.importExcel(new ByteArrayInputStream(badSheet), "sosta.xlsx");
      assertThat(badExcel.problems())
          .singleElement()
          .satisfies(p -> assertThat(p.row()).isEqualTo(3L));
      byte[] goodSheet =
          workbook(
              new Object[] {
                "REG.SOSTA1",
                "Sosta oltre il tempo",
                41.0,
                168.0,
                LocalDate.of(2027, 2, 1),
                "Ord. 5/2027"
              },
              new Object[] {
                "REG.SOSTA2",
                "Sosta su stallo riservato",
                87.5,
                344.0,
                LocalDate.of(2027, 2, 1),
                "Ord. 5/2027"
              });
      ImportReport goodExcel =
          articles.importExcel(new ByteArrayInputStream(goodSheet), "sosta.xlsx");
      assertThat(goodExcel.accepted()).as(goodExcel.problems().toString()).isTrue();
      CataloguedVersion sosta2 = articles.detail("REG.SOSTA2").versions().get(0);
      assertThat(sosta2.getMinimumAmount()).isEqualByComparingTo("87.50");
      assertThat(sosta2.getValidFrom()).isEqualTo(LocalDate.of(2027, 2, 1));
      assertThat(
              articles
                  .importExcel(
                      new ByteArrayInputStream("not a workbook".getBytes(StandardCharsets.UTF_8)),
                      "x.xlsx")
                  .problems())
          .singleElement()
          .satisfies(p -> assertThat(p.message()).contains("non è una cartella di lavoro"));

      shortDescriptionPointsAndNotesAreKeptAndChangedLikeAmounts();

      // A field officer consults the catalogue but cannot change it.
      String taxCode = "NRENTN80A01E472" + CodiceFiscale.checkCharacterOf("NRENTN80A01E472");
      permissions.createUser(
          new NewUser("antonio.neri", "Antonio", "Neri", taxCode, null, null, "FIELD_OFFICER"),
          null);
      currentStaff.signIn("antonio.neri");
      assertThat(articles.search(Query.all())).isNotEmpty();
      assertThatThrownBy(() -> articles.repeal("142c7", LocalDate.of(2027, 1, 1), "x", "y", true))
          .isInstanceOf(AccessDeniedException.class);
      assertThatThrownBy(() -> articles.exportCsv(Query.all()))
          .isInstanceOf(AccessDeniedException.class);
    }
  }

  /** Issue 13 item 8: every new command starts with the articles it meets every day. */
  private void assertTheNationalCatalogue() {
    CataloguedVersion speed =
        catalogue.inForce(ArticleCode.parse("142c9bis"), LocalDate.of(2026, 6, 19)).orElseThrow();
    assertThat(speed.getPoints()).isEqualTo(10);
    assertThat(speed.getAccessorySanctions()).containsExactly(AccessorySanction.LICENCE_SUSPENSION);
    assertThat(speed.isNightIncrease()).isTrue();
    assertThat(speed.getShortDescription()).hasSizeLessThanOrEqualTo(80);
    assertThat(speed.getLegalSource()).contains("Art. 142 c. 9-bis", "DM 31/12/2020");
    // The six articles of V2 are updated, not duplicated.
    assertThat(articles.detail("142c8").versions())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.getPoints()).isEqualTo(3);
              assertThat(v.getShortDescription()).startsWith("Velocità");
            });
    assertThat(articles.detail("173c3bis").versions())
        .singleElement()
        .satisfies(v -> assertThat(v.getPoints()).isEqualTo(5));
    // Disabled bays: cars and two-wheelers priced apart, from L. 177/2024.
    assertThat(catalogue.inForce(ArticleCode.parse("158c4bis-moto"), LocalDate.of(2025, 1, 10)))
        .hasValueSatisfying(
            v -> {
              assertThat(v.getMinimumAmount()).isEqualByComparingTo("165.00");
              assertThat(v.getPoints()).isEqualTo(4);
            });
    assertThat(catalogue.inForce(ArticleCode.parse("158c4bis"), LocalDate.of(2024, 12, 13)))
        .isEmpty();
    // A version that ends: art. 188 c. 4 before and after DL 121/2021.
    assertThat(articles.detail("188c4").versions())
        .extracting(CataloguedVersion::getMinimumAmount, CataloguedVersion::getPoints)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(new BigDecimal("84.00"), 2),
            org.assertj.core.groups.Tuple.tuple(new BigDecimal("168.00"), 6));
    assertThat(articles.detail("188c4").notices()).isEmpty();
    assertThat(
            articles.search(Query.all()).stream()
                .filter(v -> v.getShortDescription().length() > 80 || v.getPoints() > 10))
        .isEmpty();
  }

  /**
   * ART-1: short description, licence points and operating notes in new articles, new versions,
   * imports and exports; a change of points needs the confirmation, reason and legal source.
   */
  private void shortDescriptionPointsAndNotesAreKeptAndChangedLikeAmounts() {
    assertThatThrownBy(
            () ->
                articles.newVersion(
                    "146c3",
                    LocalDate.of(2027, 1, 1),
                    null,
                    null,
                    7,
                    null,
                    new BigDecimal("167.00"),
                    new BigDecimal("665.00"),
                    null,
                    true,
                    EnumSet.noneOf(AccessorySanction.class),
                    "Nuovi punti",
                    "L. 1/2027",
                    false))
        .isInstanceOf(ArticleChangeRefusedException.class);
    assertThatThrownBy(
            () ->
                articles.newVersion(
                    "146c3",
                    LocalDate.of(2027, 1, 1),
                    null,
                    null,
                    11,
                    null,
                    new BigDecimal("167.00"),
                    new BigDecimal("665.00"),
                    null,
                    true,
                    EnumSet.noneOf(AccessorySanction.class),
                    "Nuovi punti",
                    "L. 1/2027",
                    true))
        .isInstanceOfSatisfying(
            InvalidArticleParticularsException.class,
            e -> assertThat(e.italianMessage()).contains("da 0 a 10"));
    articles.newVersion(
        "146c3",
        LocalDate.of(2027, 1, 1),
        null,
        "Semaforo rosso",
        7,
        "Verificare il fotogramma",
        new BigDecimal("167.00"),
        new BigDecimal("665.00"),
        null,
        true,
        EnumSet.noneOf(AccessorySanction.class),
        "Nuovi punti",
        "L. 1/2027",
        true);
    assertThat(articles.detail("146c3").versions())
        .extracting(
            CataloguedVersion::getPoints,
            CataloguedVersion::getShortDescription,
            CataloguedVersion::getOperatingNotes)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                6,
                "Passaggio con il semaforo rosso",
                "Recidiva nel biennio: sospensione della patente da uno a tre mesi."),
            org.assertj.core.groups.Tuple.tuple(7, "Semaforo rosso", "Verificare il fotogramma"));
    assertThat(auditTrail.search(new AuditTrail.Filter(null, null, ADMIN, null, null, "punti 6")))
        .isNotEmpty();
    // The form's older overload keeps the current version's particulars.
    articles.newVersion(
        "146c3",
        LocalDate.of(2028, 1, 1),
        null,
        new BigDecimal("170.00"),
        new BigDecimal("680.00"),
        EnumSet.noneOf(AccessorySanction.class),
        "Aggiornamento",
        "DM 2027",
        true);
    assertThat(catalogue.inForce(ArticleCode.parse("146c3"), LocalDate.of(2028, 2, 1)))
        .hasValueSatisfying(v -> assertThat(v.getPoints()).isEqualTo(7));

    articles.create(
        "REG.MERC1",
        true,
        "Sosta nell'area del mercato settimanale durante lo svolgimento",
        "",
        null,
        "Applicare solo il giovedì",
        "Sosta",
        new BigDecimal("25.00"),
        new BigDecimal("500.00"),
        null,
        false,
        EnumSet.noneOf(AccessorySanction.class),
        LocalDate.of(2027, 1, 1),
        "Regolamento del mercato",
        "Reg. 4/2026",
        true);
    assertThat(articles.detail("REG.MERC1").versions())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.getShortDescription())
                  .isEqualTo("Sosta nell'area del mercato settimanale durante lo svolgimento");
              assertThat(v.getPoints()).isZero();
              assertThat(v.getOperatingNotes()).isEqualTo("Applicare solo il giovedì");
            });
    assertThatThrownBy(
            () ->
                articles.create(
                    "REG.MERC2",
                    true,
                    "Sosta",
                    "x".repeat(81),
                    0,
                    null,
                    "Sosta",
                    new BigDecimal("25.00"),
                    new BigDecimal("500.00"),
                    null,
                    false,
                    EnumSet.noneOf(AccessorySanction.class),
                    LocalDate.of(2027, 1, 1),
                    "Regolamento",
                    "Reg. 4/2026",
                    true))
        .isInstanceOf(InvalidArticleParticularsException.class);

    String header =
        "codice;descrizione;importo_minimo;importo_massimo;valido_dal;fonte_normativa;"
            + "descrizione_breve;punti;note_operative\n";
    ImportReport wrongPoints =
        articles.importCsv(
            csv(header + "REG.PART1;Sosta sul verde pubblico;50;300;01/01/2027;Reg. 5;Verde;12;\n"),
            "punti.csv");
    assertThat(wrongPoints.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.column()).isEqualTo("punti"));
    assertThat(articles.search(new Query("REG.PART", null, null, null, null))).isEmpty();
    ImportReport withParticulars =
        articles.importCsv(
            csv(
                header
                    + "REG.PART1;Sosta sul verde pubblico;50;300;01/01/2027;Reg. 5;"
                    + "Sosta sul verde;0;Fotografare l'area\n"),
            "punti.csv");
    assertThat(withParticulars.accepted()).as(withParticulars.problems().toString()).isTrue();
    assertThat(articles.detail("REG.PART1").versions())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.getShortDescription()).isEqualTo("Sosta sul verde");
              assertThat(v.getOperatingNotes()).isEqualTo("Fotografare l'area");
            });

    assertThat(
            new String(
                articles.exportCsv(new Query("146c3", null, null, null, null)),
                StandardCharsets.UTF_8))
        .contains("Descrizione breve;Punti patente;Note operative")
        .contains("Semaforo rosso;7;Verificare il fotogramma");
  }

  /** An .xlsx with the import's header row and these rows (dates as Excel dates). */
  private static byte[] workbook(Object[]... rows) {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try {
      org.dhatim.fastexcel.Workbook workbook =
          new org.dhatim.fastexcel.Workbook(bytes, "test", "1.0");
      org.dhatim.fastexcel.Worksheet sheet = workbook.newWorksheet("Articoli");
      String[] header = {
        "codice",
        "descrizione",
        "importo_minimo",
        "importo_massimo",
        "valido_dal",
        "fonte_normativa"
      };
      for (int c = 0; c < header.length; c++) {
        sheet.value(0, c, header[c]);
      }
      for (int r = 0; r < rows.length; r++) {
        for (int c = 0; c < rows[r].length; c++) {
          Object v = rows[r][c];
          if (v instanceof LocalDate day) {
            sheet.value(r + 1, c, day);
            sheet.style(r + 1, c).format("dd/mm/yyyy").set();
          } else if (v instanceof Double number) {
            sheet.value(r + 1, c, number);
          } else {
            sheet.value(r + 1, c, (String) v);
          }
        }
      }
      workbook.finish();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * Benchmark figure (docs/benchmarks.md), not a timed assertion: 10,000 local articles imported in
   * one all-or-nothing request; prints the time and checks every row is there.
   */
  @Test
  void tenThousandArticlesAreImportedInOneRequest() {
    String tenant = "art-bench";
    onboarding.onboard(
        OnboardingRequest.validated(
            tenant, "Comune del Benchmark", "COMUNE", "00097020598", null, List.of()));
    StringBuilder file =
        new StringBuilder(
            "codice;descrizione;importo_minimo;importo_massimo;valido_dal;fonte_normativa\n");
    for (int i = 1; i <= 10_000; i++) {
      file.append("REG.")
          .append(i)
          .append(";Violazione del regolamento comunale n. ")
          .append(i)
          .append(";")
          .append(25 + i % 100)
          .append(",00;")
          .append(500 + i % 100)
          .append(",00;01/01/2027;Regolamento di polizia urbana art. ")
          .append(i)
          .append("\n");
    }
    byte[] bytes = file.toString().getBytes(StandardCharsets.UTF_8);
    try (TenantScope scope = TenantScope.enter(TenantId.of(tenant))) {
      currentStaff.signIn("admin." + tenant);
      long start = System.nanoTime();
      ImportReport report = articles.importCsv(new ByteArrayInputStream(bytes), "bench.csv");
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertThat(report.problems()).isEmpty();
      assertThat(report.imported()).isEqualTo(10_000);
      assertThat(articles.search(new Query("REG.", null, null, null, null))).hasSize(2_000);
      System.out.printf(
          "[benchmark] import of 10,000 articles (%d KiB CSV): %d ms%n",
          bytes.length / 1024, millis);
    }
  }
}
