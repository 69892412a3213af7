package it.ksanctions.it.sanctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ksanctions.command.application.CommandRegistryAdministration;
import it.ksanctions.command.application.CommandUsage;
import it.ksanctions.command.application.IntegrationCredentials;
import it.ksanctions.command.domain.CommandRegistry;
import it.ksanctions.command.domain.IntegrationKind;
import it.ksanctions.command.domain.NotificationChannel;
import it.ksanctions.command.domain.SignatureKind;
import it.ksanctions.it.support.Deployments;
import it.ksanctions.it.support.TenantProbe;
import it.ksanctions.it.support.TestStack;
import it.ksanctions.permissions.application.CurrentStaff;
import it.ksanctions.places.application.PlacesAdministration;
import it.ksanctions.places.domain.Coordinates;
import it.ksanctions.places.domain.PlaceCategory;
import it.ksanctions.places.domain.PlaceData;
import it.ksanctions.places.domain.PlaceLevel;
import it.ksanctions.platform.application.TenantOnboarding;
import it.ksanctions.platform.domain.OnboardingRequest;
import it.ksanctions.sanctions.application.PreNotices;
import it.ksanctions.sanctions.application.PreNotices.PaperEntry;
import it.ksanctions.sanctions.application.VehicleOwners;
import it.ksanctions.sanctions.application.Verbali;
import it.ksanctions.sanctions.application.Verbali.Source;
import it.ksanctions.sanctions.application.Verbali.VerbaleView;
import it.ksanctions.sanctions.application.Verbali.WindowView;
import it.ksanctions.sanctions.domain.OwnerData;
import it.ksanctions.sanctions.domain.PagoPaNotice;
import it.ksanctions.sanctions.domain.SanctionsRuleException;
import it.ksanctions.sanctions.domain.VehicleType;
import it.ksanctions.sanctions.domain.VerbaleStatus;
import it.ksanctions.tenancy.context.TenantId;
import it.ksanctions.tenancy.context.TenantScope;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Verbali in the server (issue 14): a validated pre-notice issued as an act — number, windows with
 * sanction + fees, pagoPA notice codes and QR payloads, the art. 201 term, the PDF kept with it —;
 * the refusals (not validated, no owner, issued twice, pagoPA not configured); the act's life
 * (annulment with a reason, refused twice, no notification of an annulled act; notification setting
 * the windows' last days); the same pre-notice issued by two requests at once giving one act; two
 * tenants each seeing only their own acts.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VerbaliIT {

  static final String ALFA = "verb-alfa";
  static final String BETA = "verb-beta";
  static final String GAMMA = "verb-gamma";
  static final String PASSWORD = "Verbali-2026!";
  static final ZoneId ITALY = ZoneId.of("Europe/Rome");
  static final String OWNER_CF = "RSSMRA85T10A562S";
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.shared();
  }

  @Inject TenantOnboarding onboarding;
  @Inject CommandRegistryAdministration commandRegistry;
  @Inject IntegrationCredentials integrations;
  @Inject PlacesAdministration places;
  @Inject CurrentStaff currentStaff;
  @Inject PreNotices preNotices;
  @Inject VehicleOwners owners;
  @Inject Verbali verbali;
  @Inject CommandUsage usage;
  @Inject TenantProbe probe;
  @Inject it.ksanctions.sanctions.application.VerbaleIssueRuns issueRuns;

  // ------------------------------------------------------------------ set-up in the server

  @Test
  @Order(1)
  void setUpTwoCommandsWithValidatedPreNotices() {
    for (String slug : List.of(ALFA, BETA)) {
      onboarding.onboard(
          OnboardingRequest.validated(
              slug, "Comune " + slug, "COMUNE", "00097020598", null, List.of()));
      try (TenantScope scope = TenantScope.enter(TenantId.of(slug))) {
        currentStaff.signIn("admin." + slug);
        completeRegistry(slug);
        places.create("LT", place("Latina", PlaceLevel.MUNICIPALITY, null));
        places.create("CTR", place("Centro", PlaceLevel.AREA, "LT"));
        places.create("ZC", place("Zona centrale", PlaceLevel.ZONE, "CTR"));
        places.create("VIA-ROMA", place("Via Roma", PlaceLevel.PLACE, "ZC"));
        if (slug.equals(ALFA)) {
          configurePagoPa();
        }
        for (String plate : List.of("VA100AA", "VA101AA", "VA102AA", "VA103AA")) {
          owners.record(
              new OwnerData(
                  plate,
                  "IT",
                  "Mario Rossi",
                  OWNER_CF,
                  "Via Roma 1",
                  "04100",
                  "Latina",
                  "LT",
                  null));
        }
        // VA100AA..VA103AA have an owner, VA199AA has none; all validated but VA104AA.
        for (String plate : List.of("VA100AA", "VA101AA", "VA102AA", "VA103AA", "VA199AA")) {
          UUID id = paper(plate);
          preNotices.validate(id);
          probe.write("verbali." + plate, id.toString());
        }
        probe.write("verbali.VA104AA", paper("VA104AA").toString());
        if (slug.equals(ALFA)) {
          for (String plate : List.of("VA105AA", "VA106AA")) {
            owners.record(
                new OwnerData(
                    plate,
                    "IT",
                    "Mario Rossi",
                    OWNER_CF,
                    "Via Roma 1",
                    "04100",
                    "Latina",
                    "LT",
                    null));
          }
          // A violation in a street closed since, and one assessed 100 days ago.
          places.create("VIA-CHIUSA", place("Via Chiusa", PlaceLevel.PLACE, "ZC"));
          UUID closed = paper("VA105AA", "VIA-CHIUSA", LocalDateTime.now(ITALY).minusHours(3));
          preNotices.validate(closed);
          places.deactivate("VIA-CHIUSA", "Strada chiusa per lavori");
          probe.write("verbali.VA105AA", closed.toString());
          UUID old = paper("VA106AA", "VIA-ROMA", LocalDateTime.now(ITALY).minusDays(100));
          preNotices.validate(old);
          probe.write("verbali.VA106AA", old.toString());
        }
      }
    }
    // A third command whose registry lacks its PEC: a blocking anomaly (CMD-7).
    onboarding.onboard(
        OnboardingRequest.validated(
            GAMMA, "Comune " + GAMMA, "COMUNE", "00097020598", null, List.of()));
    try (TenantScope scope = TenantScope.enter(TenantId.of(GAMMA))) {
      currentStaff.signIn("admin." + GAMMA);
      configurePagoPa();
      places.create("LT", place("Latina", PlaceLevel.MUNICIPALITY, null));
      places.create("CTR", place("Centro", PlaceLevel.AREA, "LT"));
      places.create("ZC", place("Zona centrale", PlaceLevel.ZONE, "CTR"));
      places.create("VIA-ROMA", place("Via Roma", PlaceLevel.PLACE, "ZC"));
      owners.record(
          new OwnerData(
              "VA100AA",
              "IT",
              "Mario Rossi",
              OWNER_CF,
              "Via Roma 1",
              "04100",
              "Latina",
              "LT",
              null));
      UUID id = paper("VA100AA");
      preNotices.validate(id);
      probe.write("verbali.VA100AA", id.toString());
    }
  }

  private void configurePagoPa() {
    integrations.save(
        IntegrationKind.PAGOPA,
        new IntegrationCredentials.Change(
            Map.of(
                "creditorTaxCode", "00097020598",
                "segregationCode", "07",
                "iban", "IT60X0542811101000000123456",
                "environment", "UAT",
                "baseUrl", "http://127.0.0.1:9/gpd"),
            Map.of("subscriptionKey", "0123456789abcdef0123456789abcdef"),
            Set.of(),
            null));
  }

  // ------------------------------------------------------------------ issuing

  @Test
  @Order(2)
  void aValidatedPreNoticeBecomesAnActWithItsWindowsNoticesTermAndPdf() {
    try (TenantScope scope = TenantScope.enter(TenantId.of(ALFA))) {
      currentStaff.signIn("admin." + ALFA);
      // the draft first (ADR 0008): the act as it would be, its PDF marked BOZZA, nothing kept
      Verbali.Draft draft = verbali.draft(source("VA100AA"), null);
      assertThat(draft.verbale().number()).isEqualTo(Verbali.DRAFT_NUMBER);
      assertThat(draft.verbale().articleCode()).isEqualTo("142c8");
      assertThat(draft.verbale().windows()).isNotEmpty();
      assertThat(draft.verbale().windows()).extracting(WindowView::noticeCode).containsOnlyNulls();
      try (org.apache.pdfbox.pdmodel.PDDocument doc =
          org.apache.pdfbox.Loader.loadPDF(draft.pdf())) {
        String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
        assertThat(text).contains("Mario Rossi", "VA100AA", "Bozza di verbale");
        assertThat(text.replaceAll("\\s+", "")).contains("BOZZA"); // the watermark, at an angle
        assertThat(text).doesNotContain("PIN: ");
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      assertThat(verbali.search(Verbali.Filter.all())).isEmpty();
      assertThat(verbali.numberOf(source("VA100AA"))).isEmpty();
      assertThatThrownBy(() -> verbali.draft(source("VA199AA"), null))
          .isInstanceOf(SanctionsRuleException.class)
          .hasMessageContaining("owner-missing");

      Verbali.Issued issued = verbali.issue(source("VA100AA"), null);
      VerbaleView v = issued.verbale();

      assertThat(v.number()).isNotBlank();
      assertThat(v.status()).isEqualTo(VerbaleStatus.ISSUED);
      assertThat(v.articleCode()).isEqualTo("142c8");
      assertThat(v.ownerTaxCode()).isEqualTo(OWNER_CF);
      assertThat(v.channel()).isEqualTo(NotificationChannel.SEND);
      assertThat(v.notificationDeadline()).isEqualTo(v.violationAt().toLocalDate().plusDays(90));
      assertThat(issued.pin()).hasSize(10);
      assertThat(v.events())
          .extracting(Verbali.EventView::to)
          .containsExactly(VerbaleStatus.ISSUED);

      assertThat(v.windows())
          .extracting(WindowView::type)
          .containsExactly(
              it.ksanctions.articles.domain.PaymentWindowType.REDUCED_30,
              it.ksanctions.articles.domain.PaymentWindowType.MINIMUM,
              it.ksanctions.articles.domain.PaymentWindowType.HALF_MAXIMUM);
      for (WindowView w : v.windows()) {
        assertThat(w.total()).isEqualByComparingTo(w.sanction().add(w.fees()));
        assertThat(w.lastDay()).isNull();
      }
      WindowView reduced = v.windows().get(0);
      assertThat(reduced.noticeCode()).hasSize(18).startsWith("307");
      assertThat(new PagoPaNotice(reduced.noticeCode(), reduced.iuv()).iuv())
          .isEqualTo(reduced.noticeCode().substring(1));
      assertThat(reduced.qrPayload())
          .isEqualTo(
              "PAGOPA|002|"
                  + reduced.noticeCode()
                  + "|00097020598|"
                  + reduced.total().movePointRight(2).longValueExact());
      assertThat(v.windows().get(1).noticeCode()).isNotEqualTo(reduced.noticeCode());
      assertThat(v.windows().get(2).noticeCode()).isNull();

      byte[] pdf = verbali.pdf(v.id()).orElseThrow();
      assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
          .isEqualTo("%PDF-");
      assertThat(verbali.detail(v.id()).number()).isEqualTo(v.number());
      assertThat(verbali.search(new Verbali.Filter(null, null, null, "va100aa", null)))
          .extracting(VerbaleView::number)
          .containsExactly(v.number());
    }
  }

  @Test
  @Order(3)
  void whatCannotBecomeAnActIsRefusedWithItsReasonAndNothingIsWritten() {
    try (TenantScope scope = TenantScope.enter(TenantId.of(ALFA))) {
      currentStaff.signIn("admin." + ALFA);
      int before = verbali.search(Verbali.Filter.all()).size();

      assertThatThrownBy(() -> verbali.issue(source("VA100AA"), null))
          .isInstanceOf(SanctionsRuleException.class)
          .hasMessageContaining("already-issued");
      assertThatThrownBy(() -> verbali.issue(source("VA104AA"), null))
          .isInstanceOf(SanctionsRuleException.class)
          .hasMessageContaining("not-validated");
      assertThatThrownBy(() -> verbali.issue(source("VA199AA"), null))
          .isInstanceOf(SanctionsRuleException.class)
          .hasMessageContaining("owner-missing")
          .hasMessageContaining("Proprietari");
      assertThatThrownBy(
              () -> verbali.issue(Source.preNotice(UUID.randomUUID()), NotificationChannel.PEC))
          .isInstanceOf(SanctionsRuleException.class)
          .hasMessageContaining("source-not-found");

      assertThatThrownBy(() -> verbali.issue(source("VA105AA"), null))
          .isInstanceOf(SanctionsRuleException.class)
          .hasMessageContaining("place-inactive");
      assertThatThrownBy(() -> verbali.issue(source("VA106AA"), null))
          .isInstanceOf(SanctionsRuleException.class)
          .hasMessageContaining("term-lapsed")
          .satisfies(
              e ->
                  assertThat(((SanctionsRuleException) e).italianMessage())
                      .contains("art. 201", "90 giorni"));

      assertThat(verbali.search(Verbali.Filter.all())).hasSize(before);
    }
    try (TenantScope scope = TenantScope.enter(TenantId.of(GAMMA))) {
      currentStaff.signIn("admin." + GAMMA);
      assertThatThrownBy(() -> verbali.issue(source("VA100AA"), null))
          .hasMessageContaining("command.anomalies.blocking");
      assertThat(verbali.search(Verbali.Filter.all())).isEmpty();
    }
    try (TenantScope scope = TenantScope.enter(TenantId.of(BETA))) {
      currentStaff.signIn("admin." + BETA);
      assertThatThrownBy(() -> verbali.issue(source("VA100AA"), null))
          .isInstanceOf(SanctionsRuleException.class)
          .hasMessageContaining("pagopa-missing");
      assertThat(verbali.search(Verbali.Filter.all())).isEmpty();
    }
  }

  @Test
  @Order(4)
  void anActIsAnnulledOnceWithAReasonAndANotifiedOneGetsItsLastDays() {
    try (TenantScope scope = TenantScope.enter(TenantId.of(ALFA))) {
      currentStaff.signIn("admin." + ALFA);
      VerbaleView annulled = verbali.issue(source("VA101AA"), NotificationChannel.POST).verbale();
      VerbaleView notified = verbali.issue(source("VA102AA"), null).verbale();

      assertThatThrownBy(() -> verbali.annul(annulled.id(), " "))
          .isInstanceOf(SanctionsRuleException.class)
          .hasMessageContaining("annul-reason-required");
      VerbaleView done = verbali.annul(annulled.id(), "Veicolo rubato: denuncia del 2/11");
      assertThat(done.status()).isEqualTo(VerbaleStatus.ANNULLED);
      assertThat(done.statusReason()).isEqualTo("Veicolo rubato: denuncia del 2/11");
      assertThat(done.events())
          .extracting(Verbali.EventView::to)
          .containsExactly(VerbaleStatus.ISSUED, VerbaleStatus.ANNULLED);
      assertThatThrownBy(() -> verbali.annul(annulled.id(), "di nuovo"))
          .isInstanceOf(SanctionsRuleException.class)
          .hasMessageContaining("annulled-annulled");
      assertThatThrownBy(() -> verbali.notified(annulled.id(), LocalDate.now(ITALY)))
          .isInstanceOf(SanctionsRuleException.class)
          .hasMessageContaining("annulled-notified");
      // The number stays used: a new act gets the next one.
      assertThat(verbali.detail(annulled.id()).number()).isEqualTo(annulled.number());

      LocalDate today = LocalDate.now(ITALY);
      VerbaleView after = verbali.notified(notified.id(), today);
      assertThat(after.status()).isEqualTo(VerbaleStatus.NOTIFIED);
      assertThat(after.notifiedOn()).isEqualTo(today);
      assertThat(after.windows().get(0).lastDay()).isAfterOrEqualTo(today.plusDays(5));
      assertThat(after.windows().get(1).lastDay()).isAfterOrEqualTo(today.plusDays(60));
      assertThat(after.windows().get(2).lastDay()).isNull();
      assertThatThrownBy(() -> verbali.notified(notified.id(), today.plusDays(1)))
          .isInstanceOf(SanctionsRuleException.class);
    }
  }

  @Test
  @Order(6)
  void aBulkIssueStoppedHalfwayAndRestartedMakesEachActOnceAndReportsTheRefused() throws Exception {
    try (TenantScope scope = TenantScope.enter(TenantId.of(ALFA))) {
      currentStaff.signIn("admin." + ALFA);
      List<Source> sources = new java.util.ArrayList<>();
      for (int i = 0; i < 120; i++) {
        String plate = String.format("VB%03dBB", i);
        owners.record(
            new OwnerData(
                plate, "IT", "Anna Neri", OWNER_CF, "Via Po 2", "04100", "Latina", "LT", null));
        UUID id = paper(plate);
        preNotices.validate(id);
        sources.add(Source.preNotice(id));
      }
      // Not validated: refused with its reason, the others go on.
      sources.add(60, Source.preNotice(paper("VB999BB")));

      var run = issueRuns.start(sources, null);
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (issueRuns.status(run.id()).done() == 0 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      var stopped = issueRuns.stop(run.id());
      while (issueRuns.status(run.id()).inProgress() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      var afterStop = issueRuns.status(run.id());
      assertThat(afterStop.status()).as(afterStop.message()).isEqualTo("STOPPED");
      assertThat(afterStop.done()).isBetween(1, 120);
      issueRuns.restart(run.id());
      while (issueRuns.status(run.id()).status().equals("STOPPED")
          && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      while (issueRuns.status(run.id()).inProgress() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      var done = issueRuns.status(run.id());

      assertThat(stopped.id()).isEqualTo(run.id());
      assertThat(done.status()).as(done.message()).isEqualTo("COMPLETED");
      assertThat(done.total()).isEqualTo(121);
      assertThat(done.issued()).isEqualTo(120);
      assertThat(done.refused()).isEqualTo(1);
      assertThat(issueRuns.refused(run.id()))
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.position()).isEqualTo(61);
                assertThat(r.reason()).contains("non è validato");
              });
      List<VerbaleView> acts =
          verbali.search(new Verbali.Filter(null, null, null, null, null)).stream()
              .filter(v -> v.plate().startsWith("VB"))
              .toList();
      assertThat(acts).hasSize(120);
      assertThat(acts.stream().map(VerbaleView::number).distinct()).hasSize(120);
      assertThat(acts.stream().map(VerbaleView::sourceId).distinct()).hasSize(120);
    }
  }

  @Test
  @Order(7)
  void withTheCommandsSealConfiguredTheActsPdfIsSealedAndVerifies() throws Exception {
    try (TenantScope scope = TenantScope.enter(TenantId.of(ALFA))) {
      currentStaff.signIn("admin." + ALFA);
      java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      java.security.KeyPair pair = generator.generateKeyPair();
      org.bouncycastle.asn1.x500.X500Name subject =
          new org.bouncycastle.asn1.x500.X500Name("CN=Polizia Locale verb-alfa, O=Comune, C=IT");
      java.time.Instant now = java.time.Instant.now();
      java.security.cert.X509Certificate certificate =
          new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter()
              .getCertificate(
                  new org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder(
                          subject,
                          java.math.BigInteger.valueOf(now.toEpochMilli()),
                          java.util.Date.from(now.minus(1, ChronoUnit.HOURS)),
                          java.util.Date.from(now.plus(1, ChronoUnit.DAYS)),
                          subject,
                          pair.getPublic())
                      .build(
                          new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder(
                                  "SHA256withRSA")
                              .build(pair.getPrivate())));
      java.util.Base64.Encoder pem =
          java.util.Base64.getMimeEncoder(
              64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      integrations.save(
          IntegrationKind.SEAL,
          new IntegrationCredentials.Change(
              Map.of(
                  "certificate",
                  "-----BEGIN CERTIFICATE-----\n"
                      + pem.encodeToString(certificate.getEncoded())
                      + "\n-----END CERTIFICATE-----"),
              Map.of(
                  "privateKey",
                  "-----BEGIN PRIVATE KEY-----\n"
                      + pem.encodeToString(pair.getPrivate().getEncoded())
                      + "\n-----END PRIVATE KEY-----"),
              Set.of(),
              null));
      assertThat(integrations.testConnection(IntegrationKind.SEAL).ok()).isTrue();
      owners.record(
          new OwnerData(
              "VA107AA",
              "IT",
              "Mario Rossi",
              OWNER_CF,
              "Via Roma 1",
              "04100",
              "Latina",
              "LT",
              null));
      UUID id = paper("VA107AA");
      preNotices.validate(id);

      VerbaleView act = verbali.issue(Source.preNotice(id), null).verbale();
      byte[] pdf = verbali.pdf(act.id()).orElseThrow();

      try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
        assertThat(doc.getSignatureDictionaries()).hasSize(1);
        var signature = doc.getSignatureDictionaries().get(0);
        assertThat(signature.getReason()).isEqualTo("Verbale n. " + act.number());
        byte[] signed = signature.getSignedContent(pdf);
        org.bouncycastle.asn1.cms.ContentInfo info;
        try (org.bouncycastle.asn1.ASN1InputStream in =
            new org.bouncycastle.asn1.ASN1InputStream(signature.getContents(pdf))) {
          info = org.bouncycastle.asn1.cms.ContentInfo.getInstance(in.readObject());
        }
        org.bouncycastle.cms.CMSSignedData cms =
            new org.bouncycastle.cms.CMSSignedData(
                new org.bouncycastle.cms.CMSProcessableByteArray(signed), info);
        org.bouncycastle.cms.SignerInformation signer =
            cms.getSignerInfos().getSigners().iterator().next();
        assertThat(
                signer.verify(
                    new org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder()
                        .build(certificate)))
            .isTrue();
      }
    }
  }

  @Test
  @Order(8)
  void theListShowsTheFirst500AndSaysHowManyMatchWhileTheExportHoldsThemAll() {
    try (TenantScope scope = TenantScope.enter(TenantId.of(ALFA))) {
      currentStaff.signIn("admin." + ALFA);
      long before = verbali.count(Verbali.Filter.all());
      long id = verbali.search(Verbali.Filter.all()).get(0).id();
      // 520 copies of an act under numbers of their own, as a busy month leaves them
      probe.execute(
          "do $$ declare cols text; begin"
              + " select string_agg(quote_ident(column_name), ',') into cols"
              + " from information_schema.columns where table_schema = current_schema()"
              + " and table_name = 'verbale' and column_name not in ('id', 'number', 'source_id');"
              + " execute 'insert into verbale (number, source_id, ' || cols || ')"
              + " select number || ''-C'' || g, ''clone-'' || g, ' || cols"
              + " || ' from verbale, generate_series(1, 520) g where id = "
              + id
              + "'; end $$");
      long all = verbali.count(Verbali.Filter.all());
      assertThat(all).isEqualTo(before + 520);
      assertThat(verbali.search(Verbali.Filter.all())).hasSize(Verbali.LIST_MAX);
      String csv =
          new String(
              verbali.export(Verbali.Filter.all(), Verbali.ExportFormat.CSV),
              java.nio.charset.StandardCharsets.UTF_8);
      assertThat(csv.lines().filter(l -> !l.isBlank()).count()).isEqualTo(all + 1); // + header
      assertThat(csv).contains("-C520");
      // the same acts as a list to print: every one, the header on each page
      byte[] pdf = verbali.export(Verbali.Filter.all(), Verbali.ExportFormat.PDF);
      try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
        String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
        assertThat(text).contains("Elenco dei verbali", all + " righe");
        // cells wrap long values over lines: compare without the line breaks
        String flat = text.replaceAll("\\s+", "");
        assertThat(flat).contains("-C1", "-C520");
        assertThat(doc.getNumberOfPages()).isGreaterThan(1);
        assertThat(flat.split("Codicefiscale", -1)).hasSize(doc.getNumberOfPages() + 1);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  // ------------------------------------------------------------------ over HTTP

  @Test
  @Order(5)
  @RunAsClient
  void theSamePreNoticeIssuedByTwoRequestsAtOnceGivesOneAct() throws Exception {
    TestStack.keycloak().setPassword("admin." + ALFA, PASSWORD);
    String token = TestStack.tokens().passwordGrant("admin." + ALFA, PASSWORD);
    String preNotice = setting(ALFA, "verbali.VA103AA");
    String body = "{\"preNoticeId\":\"" + preNotice + "\"}";

    // its draft first, twice: the PDF, and no act
    for (int i = 0; i < 2; i++) {
      HttpResponse<String> draft = post("/api/v1/verbali/drafts", token, body).get();
      assertThat(draft.statusCode()).as(draft.body()).isEqualTo(200);
      assertThat(draft.headers().firstValue("Content-Type")).hasValue("application/pdf");
      assertThat(draft.body()).startsWith("%PDF-");
    }
    assertThat(get(ALFA, "/api/v1/verbali?plate=VA103AA", token).body()).isEqualTo("[]");

    CompletableFuture<HttpResponse<String>> one = post("/api/v1/verbali", token, body);
    CompletableFuture<HttpResponse<String>> two = post("/api/v1/verbali", token, body);
    List<Integer> statuses = List.of(one.get().statusCode(), two.get().statusCode());

    assertThat(statuses).containsExactlyInAnyOrder(201, 409);
    HttpResponse<String> created = one.get().statusCode() == 201 ? one.get() : two.get();
    HttpResponse<String> refused = one.get().statusCode() == 409 ? one.get() : two.get();
    assertThat(refused.body()).contains("sanctions.verbale.already-issued");
    assertThat(created.body()).contains("\"noticeCode\":\"307", "\"amountCents\":");
    assertThat(created.body()).contains("\"qrPayload\":\"PAGOPA|002|307");

    HttpResponse<String> list = get(ALFA, "/api/v1/verbali?plate=VA103AA", token);
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body().split("\"number\"", -1)).hasSize(2);
    java.util.regex.Matcher found =
        java.util.regex.Pattern.compile("\"id\":(\\d+)").matcher(list.body());
    assertThat(found.find()).isTrue();
    String id = found.group(1);
    HttpResponse<byte[]> pdf =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(
                        TestStack.baseUrl() + "/t/" + ALFA + "/api/v1/verbali/" + id + "/pdf"))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("%PDF-");

    HttpResponse<String> wrong =
        post("/api/v1/verbali", token, "{\"preNoticeId\":\"nope\",\"channel\":\"FAX\"}").get();
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(wrong.body()).contains("preNoticeId").contains("channel");
    HttpResponse<String> wrongDraft =
        post("/api/v1/verbali/drafts", token, "{\"preNoticeId\":\"nope\"}").get();
    assertThat(wrongDraft.statusCode()).isEqualTo(400);
    assertThat(wrongDraft.body()).contains("preNoticeId");
    // once issued, the draft is refused as a second issue would be
    HttpResponse<String> lateDraft = post("/api/v1/verbali/drafts", token, body).get();
    assertThat(lateDraft.statusCode()).isEqualTo(409);
    assertThat(lateDraft.body()).contains("sanctions.verbale.already-issued");

    // The other command has no act with that id.
    TestStack.keycloak().setPassword("admin." + BETA, PASSWORD);
    String beta = TestStack.tokens().passwordGrant("admin." + BETA, PASSWORD);
    assertThat(get(BETA, "/api/v1/verbali/" + id, beta).statusCode()).isEqualTo(404);
    assertThat(get(BETA, "/api/v1/verbali", beta).body()).isEqualTo("[]");
  }

  // ------------------------------------------------------------------ helpers

  private Source source(String plate) {
    return Source.preNotice(UUID.fromString(probe.read("verbali." + plate)));
  }

  private UUID paper(String plate) {
    return paper(plate, "VIA-ROMA", LocalDateTime.now(ITALY).minusHours(3));
  }

  private UUID paper(String plate, String placeCode, LocalDateTime at) {
    return preNotices
        .recordPaper(
            new PaperEntry(
                at.truncatedTo(ChronoUnit.MINUTES),
                placeCode,
                "142c8",
                plate,
                null,
                VehicleType.CAR,
                currentStaff.requireActive().username(),
                null,
                List.of()))
        .id();
  }

  private void completeRegistry(String slug) {
    CommandRegistry onboarded = commandRegistry.current();
    if (onboarded.complete()) {
      return;
    }
    commandRegistry.save(
        new CommandRegistry(
            onboarded.officialName(),
            onboarded.bodyKind(),
            null,
            onboarded.taxCode(),
            null,
            "Piazza del Popolo 1",
            "04100",
            "Latina",
            "LT",
            null,
            null,
            "comando@pec." + slug + ".it",
            null,
            null,
            null,
            SignatureKind.NONE,
            null,
            null),
        null);
  }

  static PlaceData place(String name, PlaceLevel level, String parent) {
    return new PlaceData(
        name,
        level == PlaceLevel.PLACE ? PlaceCategory.STREET : PlaceCategory.OTHER,
        null,
        level,
        parent,
        Coordinates.of("41.4660", "12.9020"),
        "CENTRO",
        null,
        null,
        null,
        null);
  }

  static CompletableFuture<HttpResponse<String>> post(String path, String token, String json) {
    return HTTP.sendAsync(
        HttpRequest.newBuilder(URI.create(TestStack.baseUrl() + "/t/" + ALFA + path))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> get(String slug, String path, String token) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(TestStack.baseUrl() + "/t/" + slug + path))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json")
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A value the in-server set-up wrote with the probe, read as the tenant's own role. */
  static String setting(String slug, String key) throws Exception {
    try (Connection db = TestStack.database();
        Statement sql = db.createStatement()) {
      String schema = "t_" + slug.replace('-', '_');
      sql.execute("set role " + schema);
      try (ResultSet rs =
          sql.executeQuery(
              "select setting_value from "
                  + schema
                  + ".command_setting where setting_key = '"
                  + key
                  + "'")) {
        assertThat(rs.next()).isTrue();
        return rs.getString(1);
      }
    }
  }
}
