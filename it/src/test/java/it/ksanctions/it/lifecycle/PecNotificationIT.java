package it.ksanctions.it.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import it.ksanctions.command.application.CommandRegistryAdministration;
import it.ksanctions.command.application.IntegrationCredentials;
import it.ksanctions.command.domain.CommandRegistry;
import it.ksanctions.command.domain.IntegrationKind;
import it.ksanctions.command.domain.SignatureKind;
import it.ksanctions.it.support.Deployments;
import it.ksanctions.it.support.Mailbox;
import it.ksanctions.it.support.TenantProbe;
import it.ksanctions.it.support.TestCreditors;
import it.ksanctions.it.support.TestStack;
import it.ksanctions.notifications.application.Notifications;
import it.ksanctions.notifications.application.Notifications.NotificationView;
import it.ksanctions.notifications.application.PecReceipts;
import it.ksanctions.notifications.domain.NotificationStatus;
import it.ksanctions.permissions.application.CurrentStaff;
import it.ksanctions.places.application.PlacesAdministration;
import it.ksanctions.places.domain.PlaceLevel;
import it.ksanctions.platform.application.TenantOnboarding;
import it.ksanctions.platform.domain.OnboardingRequest;
import it.ksanctions.sanctions.application.OutboxDispatcher;
import it.ksanctions.sanctions.application.PreNotices;
import it.ksanctions.sanctions.application.PreNotices.PaperEntry;
import it.ksanctions.sanctions.application.VehicleOwners;
import it.ksanctions.sanctions.application.Verbali;
import it.ksanctions.sanctions.application.Verbali.VerbaleView;
import it.ksanctions.sanctions.domain.OwnerData;
import it.ksanctions.sanctions.domain.VehicleType;
import it.ksanctions.sanctions.domain.VerbaleStatus;
import it.ksanctions.tenancy.context.TenantId;
import it.ksanctions.tenancy.context.TenantScope;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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
 * PEC sent by the command itself (issue 15 item 4), against GreenMail and its simulated PEC
 * provider: an act whose owner has a PEC is sent with its PDF from the command's PEC, the
 * provider's receipts (acceptance, delivery) are read back over IMAP, the notification becomes
 * DELIVERED and the act NOTIFIED on the delivery day with both receipts kept as legal facts; a PEC
 * address that cannot be reached ends UNREACHABLE with the provider's reason.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PecNotificationIT {

  static final String TENANT = "nc-pec";
  // a creditor of its own: other tests' demo commands use 00097020598 on the same simulator
  static final String CREDITOR = TestCreditors.PEC_NOTIFICATION;

  static final String SENDER = "comando@pec.nc-pec.it";
  static final String OWNER_PEC = "mario.rossi@pec.example.it";
  static final String UNREACHABLE_PEC = "x@pec.invalid";
  static final ZoneId ITALY = ZoneId.of("Europe/Rome");

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
  @Inject PecReceipts receipts;
  @Inject OutboxDispatcher dispatcher;
  @Inject TenantProbe probe;

  static int mailPort() {
    return Integer.parseInt(System.getenv("KSANCTIONS_MAIL_PORT"));
  }

  @Test
  @Order(1)
  @RunAsClient
  void greenMailKnowsTheCommandsPecLogin() {
    TestStack.mail().setUser(SENDER, SENDER, SENDER);
  }

  @Test
  @Order(2)
  void twoActsAreIssuedToOwnersWithAPec() throws Exception {
    onboarding.onboard(
        OnboardingRequest.validated(
            TENANT, "Comune di Prova PEC", "COMUNE", CREDITOR, null, List.of()));
    try (TenantScope scope = TenantScope.enter(TenantId.of(TENANT))) {
      currentStaff.signIn("admin." + TENANT);
      completeRegistry();
      places.create("LT", CollectFixture.place("Latina", PlaceLevel.MUNICIPALITY, null));
      places.create("CTR", CollectFixture.place("Centro", PlaceLevel.AREA, "LT"));
      places.create("ZC", CollectFixture.place("Zona centrale", PlaceLevel.ZONE, "CTR"));
      places.create("VIA-ROMA", CollectFixture.place("Via Roma", PlaceLevel.PLACE, "ZC"));
      integrations.save(
          IntegrationKind.PAGOPA,
          new IntegrationCredentials.Change(
              Map.of(
                  "creditorTaxCode", CREDITOR,
                  "segregationCode", "07",
                  "iban", "IT60X0542811101000000123456",
                  "environment", "UAT",
                  "baseUrl", CollectFixture.sim() + "/gpd"),
              Map.of("subscriptionKey", "gpd-key-0123456789abcdef"),
              Set.of(),
              null));
      Map<String, String> pec = new HashMap<>();
      pec.put("host", "127.0.0.1");
      pec.put("port", String.valueOf(mailPort()));
      pec.put("tlsMode", "NONE");
      pec.put("username", SENDER);
      pec.put("sender", SENDER);
      pec.put("imapHost", "127.0.0.1");
      pec.put("imapPort", String.valueOf(mailPort() + 1000));
      integrations.save(
          IntegrationKind.PEC_SMTP,
          new IntegrationCredentials.Change(pec, Map.of("password", SENDER), Set.of(), null));
      assertThat(integrations.pecMailboxForUse()).isPresent();

      probe.write("pec.delivered", Long.toString(issue("PC100AA", "Mario Rossi", OWNER_PEC)));
      probe.write(
          "pec.unreachable", Long.toString(issue("PC200BB", "Luca Verdi", UNREACHABLE_PEC)));
      dispatcher.runTenant(); // the debt positions
    }
  }

  @Test
  @Order(3)
  void sentByPecItIsDeliveredAndTheActNotifiedWithBothReceipts() throws Exception {
    try (TenantScope scope = TenantScope.enter(TenantId.of(TENANT))) {
      long id = Long.parseLong(probe.read("pec.delivered"));
      currentStaff.signIn("admin." + TENANT);
      NotificationView sent = notifications.send(id, null);
      assertThat(sent.channel()).isEqualTo("PEC");
      assertThat(sent.status()).isEqualTo(NotificationStatus.QUEUED);
      assertThat(verbali.detail(id).status()).isEqualTo(VerbaleStatus.SENT);

      dispatcher.runTenant(); // (or the outbox timer, whichever comes first)
      NotificationView n = notifications.ofVerbale(id).get(0);
      assertThat(n.status()).isIn(NotificationStatus.REQUESTED, NotificationStatus.ACCEPTED);
      assertThat(n.requestId()).startsWith("<").endsWith("@pec.nc-pec.it>");
      assertThat(n.digitalDomicile()).isEqualTo(OWNER_PEC);

      Message mail = Mailbox.only(OWNER_PEC);
      assertThat(mail.getSubject()).startsWith("Notifica del verbale n. ");
      assertThat(mail.getHeader("Message-ID")[0]).isEqualTo(n.requestId());
      byte[] pdf = Mailbox.pdfOf(mail);
      assertThat(pdf).isNotNull();
      assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
          .isEqualTo("%PDF-");

      n = awaitStatus(id, NotificationStatus.DELIVERED);
      assertThat(n.perfectedOn()).isEqualTo(LocalDate.now(ITALY));
      // worded for the PEC providers, not for SEND
      NotificationView delivered = n;
      assertThat(delivered.statusLabel())
          .isEqualTo("Consegnata nella casella PEC del destinatario");
      assertThat(delivered.events())
          .allSatisfy(e -> assertThat(delivered.labelOf(e.status())).doesNotContain("SEND"));
      assertThat(n.legalFacts())
          .extracting(f -> f.category())
          .containsExactlyInAnyOrder("PEC_ACCETTAZIONE", "PEC_CONSEGNA");
      assertThat(n.events())
          .extracting(e -> e.category())
          .contains("PEC_ACCETTAZIONE", "PEC_AVVENUTA_CONSEGNA");
      VerbaleView v = verbali.detail(id);
      assertThat(v.status()).isEqualTo(VerbaleStatus.NOTIFIED);
      assertThat(v.notifiedOn()).isEqualTo(LocalDate.now(ITALY));

      // read again: nothing new
      receipts.poll();
      assertThat(notifications.ofVerbale(id).get(0).events()).hasSameSizeAs(n.events());
      assertThat(notifications.ofVerbale(id).get(0).legalFacts()).hasSize(2);
    }
  }

  @Test
  @Order(4)
  void anUnreachablePecEndsUnreachableWithTheProvidersReason() throws Exception {
    try (TenantScope scope = TenantScope.enter(TenantId.of(TENANT))) {
      long id = Long.parseLong(probe.read("pec.unreachable"));
      currentStaff.signIn("admin." + TENANT);
      notifications.send(id, null);
      dispatcher.runTenant(); // (or the outbox timer, whichever comes first)
      NotificationView n = awaitStatus(id, NotificationStatus.UNREACHABLE);
      assertThat(n.refusal()).contains("PEC non consegnata a " + UNREACHABLE_PEC);
      assertThat(n.perfectedOn()).isNull();
      assertThat(n.legalFacts())
          .extracting(f -> f.category())
          .contains("PEC_ACCETTAZIONE", "PEC_MANCATA_CONSEGNA");
      assertThat(verbali.detail(id).status()).isEqualTo(VerbaleStatus.SENT);
    }
  }

  // ------------------------------------------------------------------ helpers

  private NotificationView awaitStatus(long verbaleId, NotificationStatus wanted) throws Exception {
    NotificationView n = notifications.ofVerbale(verbaleId).get(0);
    for (int i = 0; i < 40 && n.status() != wanted; i++) {
      Thread.sleep(250);
      try {
        receipts.poll();
      } catch (it.ksanctions.sanctions.application.DeliveryFailure e) {
        // the mailbox may not exist yet: the provider creates it with the first receipt
      }
      n = notifications.ofVerbale(verbaleId).get(0);
    }
    assertThat(n.status()).isEqualTo(wanted);
    return n;
  }

  private long issue(String plate, String name, String ownerPec) throws Exception {
    owners.record(
        new OwnerData(
            plate,
            "IT",
            name,
            NotifyAndCollectIT.OWNER_CF,
            "Via Roma 1",
            "04100",
            "Latina",
            "LT",
            ownerPec));
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
    VerbaleView v = verbali.issue(Verbali.Source.preNotice(id), null).verbale();
    assertThat(v.status()).isEqualTo(VerbaleStatus.ISSUED);
    assertThat(v.ownerPec()).isEqualTo(ownerPec);
    return v.id();
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
            SENDER,
            null,
            null,
            null,
            SignatureKind.NONE,
            null,
            null),
        null);
  }
}
