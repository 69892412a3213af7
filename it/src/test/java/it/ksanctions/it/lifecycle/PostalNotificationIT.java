package it.ksanctions.it.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import it.ksanctions.command.application.CommandRegistryAdministration;
import it.ksanctions.command.application.IntegrationCredentials;
import it.ksanctions.command.domain.CommandRegistry;
import it.ksanctions.command.domain.IntegrationKind;
import it.ksanctions.command.domain.NotificationChannel;
import it.ksanctions.command.domain.SignatureKind;
import it.ksanctions.it.support.Deployments;
import it.ksanctions.it.support.TenantProbe;
import it.ksanctions.it.support.TestCreditors;
import it.ksanctions.notifications.application.Notifications;
import it.ksanctions.notifications.application.PostalBatches;
import it.ksanctions.notifications.application.PostalBatches.ImportReport;
import it.ksanctions.notifications.domain.NotificationStatus;
import it.ksanctions.notifications.domain.PostalBatchStatus;
import it.ksanctions.notifications.domain.PostalManifest;
import it.ksanctions.notifications.domain.PostalOutcome;
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
import it.ksanctions.sanctions.application.Verbali.VerbaleView;
import it.ksanctions.sanctions.domain.OutboxTopics;
import it.ksanctions.sanctions.domain.OwnerData;
import it.ksanctions.sanctions.domain.VehicleType;
import it.ksanctions.sanctions.domain.VerbaleStatus;
import it.ksanctions.shared.CodiceFiscale;
import it.ksanctions.tenancy.context.TenantId;
import it.ksanctions.tenancy.context.TenantScope;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Notification by post (issue 15 item 5): two acts issued for registered mail with return receipt
 * are sent (SENT, their notifications QUEUED without an outbox message), put into a print-and-mail
 * batch, downloaded as a ZIP with each act's PDF and a manifest naming them, and handed over to the
 * postal intermediary (DELIVERING). An outcome file with one wrong row records nothing and names
 * the row and column; the corrected file makes both acts NOTIFIED on the day given (return card and
 * compiuta giacenza); the same file again applies nothing twice.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostalNotificationIT {

  static final String TENANT = "nc-post";
  // not NotifyAndCollectIT's creditor: both tenants number their acts alike, IUPD = KS-<number>
  static final String CREDITOR = TestCreditors.POSTAL_NOTIFICATION;
  static final String RECEIPT_KEY = "receipt-key-nc-post-0123456789";
  static final ZoneId ITALY = ZoneId.of("Europe/Rome");
  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

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
  @Inject Notifications notifications;
  @Inject PostalBatches postal;
  @Inject TenantProbe probe;

  static String sim() {
    return System.getenv("KSANCTIONS_SIMULATORS_URL");
  }

  static String taxCode(String first15) {
    return first15 + CodiceFiscale.checkCharacterOf(first15);
  }

  @Test
  @Order(1)
  void twoActsAreIssuedForRegisteredMail() {
    onboarding.onboard(
        OnboardingRequest.validated(
            TENANT, "Comune di Prova Posta", "COMUNE", CREDITOR, null, List.of()));
    try (TenantScope scope = TenantScope.enter(TenantId.of(TENANT))) {
      currentStaff.signIn("admin." + TENANT);
      completeRegistry();
      places.create("LT", place("Latina", PlaceLevel.MUNICIPALITY, null));
      places.create("CTR", place("Centro", PlaceLevel.AREA, "LT"));
      places.create("ZC", place("Zona centrale", PlaceLevel.ZONE, "CTR"));
      places.create("VIA-ROMA", place("Via Roma", PlaceLevel.PLACE, "ZC"));
      integrations.save(
          IntegrationKind.PAGOPA,
          new IntegrationCredentials.Change(
              Map.of(
                  "creditorTaxCode", CREDITOR,
                  "segregationCode", "07",
                  "iban", "IT60X0542811101000000123456",
                  "environment", "UAT",
                  "baseUrl", sim() + "/gpd"),
              Map.of("subscriptionKey", "gpd-key-0123456789abcdef", "receiptKey", RECEIPT_KEY),
              Set.of(),
              null));
      issue("NP100AA", "Giulia Bianchi", taxCode("BNCGLI90A41E472"), "Via Roma 1", "a");
      issue("NP200BB", "Mario Rossi", taxCode("RSSMRA80A01E472"), "Via Milano 12", "b");
    }
  }

  @Test
  @Order(2)
  void sentByPostTheyAreBatchedZippedAndHandedOver() throws Exception {
    try (TenantScope scope = TenantScope.enter(TenantId.of(TENANT))) {
      currentStaff.signIn("admin." + TENANT);
      long a = Long.parseLong(probe.read("post.a"));
      long b = Long.parseLong(probe.read("post.b"));
      for (long id : List.of(a, b)) {
        var sent = notifications.send(id, null);
        assertThat(sent.channel()).isEqualTo("POST");
        assertThat(sent.status()).isEqualTo(NotificationStatus.QUEUED);
        assertThat(verbali.detail(id).status()).isEqualTo(VerbaleStatus.SENT);
        assertThat(
                count(
                    "select count(*) from outbox_message where topic = '"
                        + OutboxTopics.NOTIFY_SEND
                        + "' and verbale_id = "
                        + id))
            .isZero();
      }
      assertThat(postal.waiting()).isEqualTo(2);

      var batch = postal.prepare();
      probe.write("post.batch", Long.toString(batch.id()));
      assertThat(batch.acts()).isEqualTo(2);
      assertThat(batch.status()).isEqualTo(PostalBatchStatus.PREPARED);
      assertThat(postal.waiting()).isZero();

      var file = postal.zip(batch.id());
      Map<String, byte[]> entries = unzip(file.content());
      String numberA = verbali.detail(a).number();
      String numberB = verbali.detail(b).number();
      String pdfA = PostalManifest.pdfName(numberA);
      assertThat(entries)
          .containsKeys(pdfA, PostalManifest.pdfName(numberB), PostalManifest.FILE_NAME);
      assertThat(new String(entries.get(pdfA), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
      byte[] manifestBytes = entries.get(PostalManifest.FILE_NAME);
      assertThat(manifestBytes[0]).isEqualTo((byte) 0xEF);
      String manifest = new String(manifestBytes, StandardCharsets.UTF_8);
      assertThat(manifest)
          .contains(String.join(";", PostalManifest.HEADERS))
          .contains(numberA + ";Giulia Bianchi;" + taxCode("BNCGLI90A41E472") + ";Via Roma 1")
          .contains(numberB)
          .contains(pdfA + ";" + sha256(entries.get(pdfA)))
          .contains(";POST;");
      assertThat(file.sha256()).isEqualTo(sha256(file.content()));
      assertThat(postal.zip(batch.id()).sha256()).isEqualTo(file.sha256());

      var handed = postal.handOver(batch.id());
      assertThat(handed.status()).isEqualTo(PostalBatchStatus.HANDED_OVER);
      assertThat(postal.batch(batch.id()).items())
          .extracting(i -> i.status())
          .containsOnly(NotificationStatus.DELIVERING);
      assertThat(notifications.ofVerbale(a).get(0).events())
          .extracting(e -> e.category())
          .contains("POSTAL_HANDOVER");
    }
  }

  @Test
  @Order(3)
  void anOutcomeFileWithAWrongRowRecordsNothingTheCorrectedOneNotifiesOnce() {
    try (TenantScope scope = TenantScope.enter(TenantId.of(TENANT))) {
      currentStaff.signIn("admin." + TENANT);
      long a = Long.parseLong(probe.read("post.a"));
      long b = Long.parseLong(probe.read("post.b"));
      String numberA = verbali.detail(a).number();
      String numberB = verbali.detail(b).number();
      LocalDate today = LocalDate.now(ITALY);
      String day = DAY.format(today);

      ImportReport wrong =
          postal.importOutcomes(
              csv(
                  numberA + ";CONSEGNATO;" + day + ";ritirata dal destinatario",
                  numberB + ";RITIRATO;" + day + ";"));
      assertThat(wrong.accepted()).isFalse();
      assertThat(wrong.rows()).isEmpty();
      assertThat(wrong.problems())
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.row()).isEqualTo(2);
                assertThat(p.column()).isEqualTo("esito");
                assertThat(p.reason()).contains("RITIRATO");
              });
      assertThat(verbali.detail(a).status()).isEqualTo(VerbaleStatus.SENT);
      assertThat(notifications.ofVerbale(a).get(0).status())
          .isEqualTo(NotificationStatus.DELIVERING);

      byte[] corrected =
          csv(
              numberA + ";CONSEGNATO;" + day + ";ritirata dal destinatario",
              numberB + ";COMPIUTA_GIACENZA;" + day + ";");
      ImportReport applied = postal.importOutcomes(corrected);
      assertThat(applied.problems()).isEmpty();
      assertThat(applied.applied()).isEqualTo(2);
      VerbaleView va = verbali.detail(a);
      assertThat(va.status()).isEqualTo(VerbaleStatus.NOTIFIED);
      assertThat(va.notifiedOn()).isEqualTo(today);
      assertThat(va.events())
          .extracting(e -> e.reason())
          .contains("Notifica perfezionata: cartolina A/R del " + day);
      VerbaleView vb = verbali.detail(b);
      assertThat(vb.status()).isEqualTo(VerbaleStatus.NOTIFIED);
      assertThat(vb.notifiedOn()).isEqualTo(today);
      var na = notifications.ofVerbale(a).get(0);
      assertThat(na.status()).isEqualTo(NotificationStatus.DELIVERED);
      assertThat(na.perfectedOn()).isEqualTo(today);
      assertThat(notifications.ofVerbale(b).get(0).status())
          .isEqualTo(NotificationStatus.EFFECTIVE_DATE);
      int eventsA = na.events().size();
      int timelineA = va.events().size();

      ImportReport again = postal.importOutcomes(corrected);
      assertThat(again.accepted()).isTrue();
      assertThat(again.applied()).isZero();
      assertThat(again.unchanged()).isEqualTo(2);
      assertThat(again.rows())
          .extracting(r -> r.message())
          .containsOnly("Esito già registrato: non applicato di nuovo");
      assertThat(notifications.ofVerbale(a).get(0).events()).hasSize(eventsA);
      assertThat(verbali.detail(a).events()).hasSize(timelineA);

      // the same outcome typed by hand changes nothing; another one is refused
      assertThat(postal.recordOutcome(numberA, PostalOutcome.DELIVERED, today, null).outcome())
          .isEqualTo(PostalOutcome.DELIVERED);
      try {
        postal.recordOutcome(numberA, PostalOutcome.UNREACHABLE, today, "sconosciuto");
        throw new AssertionError("another outcome was recorded");
      } catch (RuntimeException e) {
        assertThat(e).hasMessageContaining("già registrato l'esito");
      }
    }
  }

  // ------------------------------------------------------------------ helpers

  private void issue(String plate, String name, String taxCode, String street, String key) {
    owners.record(new OwnerData(plate, "IT", name, taxCode, street, "04100", "Latina", "LT", null));
    UUID id =
        preNotices
            .recordPaper(
                new PaperEntry(
                    LocalDateTime.now(ITALY).minusHours(3).truncatedTo(ChronoUnit.MINUTES),
                    "VIA-ROMA",
                    "142c8",
                    plate,
                    null,
                    VehicleType.CAR,
                    "admin." + TENANT,
                    null,
                    List.of()))
            .id();
    preNotices.validate(id);
    VerbaleView v = verbali.issue(Verbali.Source.preNotice(id), NotificationChannel.POST).verbale();
    assertThat(v.status()).isEqualTo(VerbaleStatus.ISSUED);
    assertThat(v.channel()).isEqualTo(NotificationChannel.POST);
    assertThat(v.ownerPec()).isNull();
    probe.write("post." + key, Long.toString(v.id()));
  }

  static byte[] csv(String... rows) {
    return ("numero_verbale;esito;data;note\n" + String.join("\n", rows) + "\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  static Map<String, byte[]> unzip(byte[] zip) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        entries.put(e.getName(), in.readAllBytes());
      }
    }
    return entries;
  }

  static String sha256(byte[] content) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
  }

  private long count(String sql) {
    List<?> rows = probe.readForeignTable("(" + sql + ") as c");
    return ((Number) (rows.get(0) instanceof Object[] x ? x[0] : rows.get(0))).longValue();
  }

  private void completeRegistry() {
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
            "comando@pec.prova.it",
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
}
