package it.ksanctions.it.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ksanctions.command.application.BudgetChapters;
import it.ksanctions.command.application.CommandFees;
import it.ksanctions.command.application.CommandHealth;
import it.ksanctions.command.application.CommandRegistryAdministration;
import it.ksanctions.command.application.CommandRuns;
import it.ksanctions.command.application.ConfigurationRegister;
import it.ksanctions.command.domain.BodyKind;
import it.ksanctions.command.domain.BudgetChapter;
import it.ksanctions.command.domain.ChapterAllocation;
import it.ksanctions.command.domain.ChapterType;
import it.ksanctions.command.domain.CommandAnomaly;
import it.ksanctions.command.domain.CommandRegistry;
import it.ksanctions.command.domain.CommandRuleException;
import it.ksanctions.command.domain.CommandRunKind;
import it.ksanctions.command.domain.ConfigCategory;
import it.ksanctions.command.domain.ConfigChange;
import it.ksanctions.command.domain.Fee;
import it.ksanctions.command.domain.FeeAmountKind;
import it.ksanctions.command.domain.FeeCategory;
import it.ksanctions.command.domain.NotificationChannel;
import it.ksanctions.command.domain.SignatureKind;
import it.ksanctions.it.support.Deployments;
import it.ksanctions.permissions.application.AccessDeniedException;
import it.ksanctions.permissions.application.CurrentStaff;
import it.ksanctions.permissions.application.PermissionsAdministration;
import it.ksanctions.permissions.application.PermissionsAdministration.NewUser;
import it.ksanctions.platform.application.TenantOnboarding;
import it.ksanctions.platform.domain.OnboardingRequest;
import it.ksanctions.shared.CodiceFiscale;
import it.ksanctions.tenancy.context.TenantId;
import it.ksanctions.tenancy.context.TenantScope;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Command module in the server (CMD-1, CMD-2, CMD-3, CMD-7, CMD-8): registry rules, fee
 * versions and their use by verbali, chapter splits totalling 100 %, the configuration register,
 * changes blocked while an accounting batch runs, serious anomalies blocking new verbali, a field
 * officer refused, and a second command that sees none of it.
 */
@ExtendWith(ArquillianExtension.class)
class CommandModuleIT {

  static final String TENANT = "cmd-alfa";
  static final String OTHER = "cmd-beta";
  static final String ADMIN = "admin." + TENANT;
  static final String OFFICER = "agente.cmdalfa";

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.shared();
  }

  @Inject TenantOnboarding onboarding;
  @Inject PermissionsAdministration permissions;
  @Inject CurrentStaff currentStaff;
  @Inject CommandRegistryAdministration registry;
  @Inject it.ksanctions.command.application.PublicRegistry publicRegistry;
  @Inject it.ksanctions.branding.application.BrandingAdministration branding;
  @Inject it.ksanctions.tenancy.registry.TenantRegistry tenants;
  @Inject CommandFees fees;
  @Inject BudgetChapters chapters;
  @Inject CommandHealth health;
  @Inject CommandRuns runs;
  @Inject ConfigurationRegister register;
  @Inject UserTransaction tx;

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  static CommandRegistry registryWith(String pec, SignatureKind signature, LocalDate until) {
    return new CommandRegistry(
        "Polizia Locale di Alfa",
        BodyKind.COMUNE,
        "Comune di Alfa",
        "00097020598",
        null,
        "Piazza del Popolo 1",
        "04100",
        "Latina",
        "lt",
        "+39 0773 123456",
        "Polizia.Locale@comune.alfa.it",
        pec,
        "https://www.comune.alfa.it",
        "Comandante Maria Rossi",
        "Commissario Paolo Bianchi",
        signature,
        signature == SignatureKind.NONE ? null : "Maria Rossi",
        until);
  }

  static Fee fee(
      String code, FeeCategory category, NotificationChannel channel, String amount, String from) {
    return new Fee(
        code,
        "Spesa " + code,
        category,
        channel,
        FeeAmountKind.FIXED,
        new BigDecimal(amount),
        LocalDate.parse(from),
        null,
        "Delibera G.C. n. 12 del 10/01/2026");
  }

  @Test
  void theCommandIsConfiguredWithItsRulesAndAnomalies() throws Exception {
    for (String slug : List.of(TENANT, OTHER)) {
      onboarding.onboard(
          OnboardingRequest.validated(
              slug, "Comune di Prova " + slug, "COMUNE", "00097020598", null, List.of()));
    }
    try (TenantScope scope = TenantScope.enter(TenantId.of(TENANT))) {
      currentStaff.signIn(ADMIN);
      // Before anything is saved: the registry comes from onboarding and blocks new verbali
      // (no PEC).
      assertThat(registry.view().registry().officialName()).isEqualTo("Comune di Prova cmd-alfa");
      assertThat(health.anomalies())
          .filteredOn(CommandAnomaly::blocking)
          .extracting(CommandAnomaly::kind)
          .containsExactly(CommandAnomaly.Kind.REGISTRY_INCOMPLETE);
      assertThatThrownBy(() -> health.ensureVerbaliMayBeIssued())
          .isInstanceOf(CommandRuleException.class)
          .hasMessageContaining("command.anomalies.blocking")
          .hasMessageContaining("PEC");

      // CMD-1/CMD-7: every wrong field at once; nothing saved.
      long publicVersion = publicVersion();
      assertThatThrownBy(
              () ->
                  registry.save(
                      new CommandRegistry(
                          "PL",
                          BodyKind.COMUNE,
                          null,
                          "00097020597",
                          null,
                          null,
                          "4100",
                          null,
                          null,
                          null,
                          null,
                          "non-una-pec",
                          null,
                          null,
                          null,
                          SignatureKind.NONE,
                          null,
                          null),
                      null))
          .isInstanceOf(CommandRuleException.class)
          .hasMessageContaining("denominazione ufficiale")
          .hasMessageContaining("codice fiscale dell'ente non valido")
          .hasMessageContaining("CAP non valido")
          .hasMessageContaining("indirizzo PEC non valido");
      assertThat(register.search(ConfigurationRegister.Filter.all())).isEmpty();
      assertThat(publicVersion()).isEqualTo(publicVersion);

      // the portal's card, read before the save and kept: the save replaces it at once
      assertThat(publicRegistry.current().registry().pec()).isNull();
      var saved =
          registry.save(
              registryWith("PoliziaLocale@PEC.comune.alfa.it", SignatureKind.NONE, null),
              "Decreto sindacale n. 3/2026");
      assertThat(publicRegistry.current().registry().pec())
          .isEqualTo("polizialocale@pec.comune.alfa.it");
      // the save raised the tenant's public version in its transaction: every node's card goes
      assertThat(publicVersion()).isEqualTo(publicVersion + 1);
      assertThat(saved.registry().pec()).isEqualTo("polizialocale@pec.comune.alfa.it");
      assertThat(saved.registry().province()).isEqualTo("LT");
      assertThat(saved.updatedBy()).isEqualTo(ADMIN);
      List<ConfigChange> changes =
          register.search(
              new ConfigurationRegister.Filter(ConfigCategory.REGISTRY, null, null, "PEC"));
      assertThat(changes)
          .singleElement()
          .satisfies(
              c -> {
                assertThat(c.oldValue()).isNull();
                assertThat(c.newValue()).isEqualTo("polizialocale@pec.comune.alfa.it");
                assertThat(c.author()).isEqualTo(ADMIN);
                assertThat(c.reference()).isEqualTo("Decreto sindacale n. 3/2026");
              });
      // Logo: content, not name, decides.
      assertThatThrownBy(() -> registry.uploadLogo("logo.png", "GIF89a...".getBytes()))
          .hasMessageContaining("command.registry.file-type");
      byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13};
      assertThat(publicRegistry.current().hasLogo()).isFalse();
      assertThat(branding.hasLogo(TENANT)).isFalse();
      registry.uploadLogo("stemma.png", png);
      assertThat(publicVersion()).isEqualTo(publicVersion + 2);
      assertThat(registry.logo()).get().extracting(i -> i.contentType()).isEqualTo("image/png");
      // the portal shows it at once, and only this command's portal
      assertThat(publicRegistry.current().hasLogo()).isTrue();
      assertThat(branding.hasLogo(TENANT)).isTrue();
      assertThat(branding.hasLogo(OTHER)).isFalse();
      try (TenantScope other = TenantScope.enter(TenantId.of(OTHER))) {
        assertThat(publicRegistry.current().hasLogo()).isFalse();
        assertThat(publicRegistry.current().registry().officialName())
            .isEqualTo("Comune di Prova cmd-beta");
      }
      assertThat(publicRegistry.current().registry().officialName())
          .isEqualTo("Polizia Locale di Alfa");

      // CMD-2: fees with versions; a new version closes the previous the day before.
      fees.addVersion(fee("ACC", FeeCategory.ASSESSMENT, null, "10.00", "2026-01-01"), null);
      for (NotificationChannel channel : NotificationChannel.values()) {
        fees.addVersion(
            fee("NOT-" + channel.name(), FeeCategory.NOTIFICATION, channel, "5.00", "2026-01-01"),
            null);
      }
      fees.addVersion(
          fee("ACC", FeeCategory.ASSESSMENT, null, "12.50", "2026-07-01"), "Adeguamento ISTAT");
      assertThat(fees.charged(LocalDate.parse("2026-06-30"), NotificationChannel.PEC))
          .extracting(l -> l.code() + "=" + l.amount())
          .containsExactly("ACC=10.00", "NOT-PEC=5.00");
      assertThat(fees.charged(LocalDate.parse("2026-07-01"), NotificationChannel.POST))
          .extracting(l -> l.code() + "=" + l.amount())
          .containsExactly("ACC=12.50", "NOT-POST=5.00");
      assertThat(fees.history())
          .filteredOn(v -> v.fee().code().equals("ACC"))
          .extracting(v -> v.fee().validTo())
          .containsExactly(null, LocalDate.parse("2026-06-30"));
      assertThatThrownBy(
              () ->
                  fees.addVersion(
                      fee("ACC", FeeCategory.ASSESSMENT, null, "11.00", "2026-03-01"), null))
          .hasMessageContaining("command.fee.version-not-after");
      assertThatThrownBy(
              () ->
                  fees.addVersion(
                      fee("BAD", FeeCategory.NOTIFICATION, null, "0.001", "2026-01-01"), null))
          .hasMessageContaining("command.fee.invalid")
          .hasMessageContaining("canale");
      assertThat(
              register.search(
                  new ConfigurationRegister.Filter(ConfigCategory.FEES, null, null, "ACC")))
          .first()
          .satisfies(
              c -> {
                // Old value: the version in force before; it now ends the day before the new one.
                assertThat(c.oldValue()).contains("€ 10,00", "dal 01/01/2026");
                assertThat(c.newValue()).contains("€ 12,50", "dal 01/07/2026");
              });

      // A fee used by an issued verbale cannot be deleted; one not used can.
      long accId =
          fees.history().stream()
              .filter(v -> v.fee().code().equals("ACC"))
              .findFirst()
              .orElseThrow()
              .id();
      tx.begin();
      em.createNativeQuery(
              "insert into verbale_charge (verbale_number, item_kind, item_code)"
                  + " values ('PL/2026/000001', 'FEE', 'ACC')")
          .executeUpdate();
      tx.commit();
      assertThatThrownBy(() -> fees.delete(accId, "errore"))
          .isInstanceOf(CommandRuleException.class)
          .hasMessageContaining("command.fee.in-use")
          .hasMessageContaining("1 verbale");
      long abroadId =
          fees.history().stream()
              .filter(v -> v.fee().code().equals("NOT-ABROAD"))
              .findFirst()
              .orElseThrow()
              .id();
      fees.delete(abroadId, "Registrata per errore");
      assertThat(fees.effective()).extracting(Fee::code).doesNotContain("NOT-ABROAD");
      assertThat(fees.history())
          .filteredOn(v -> v.fee().code().equals("NOT-ABROAD"))
          .singleElement()
          .satisfies(v -> assertThat(v.deleted()).isTrue());

      // CMD-3: chapters and a split that must total 100 %.
      chapters.create(
          new BudgetChapter(
              "3010.01",
              "Proventi da sanzioni CdS - competenza comunale",
              ChapterType.REVENUE,
              "Sanzione CdS",
              "IT60X0542811101000000123456",
              null),
          null);
      chapters.create(
          new BudgetChapter(
              "3010.02",
              "Proventi art. 142 c. 12-bis - ente proprietario",
              ChapterType.REVENUE,
              null,
              null,
              null),
          null);
      chapters.create(
          new BudgetChapter("1030.09", "Spese postali", ChapterType.EXPENSE, null, null, null),
          null);
      assertThatThrownBy(
              () ->
                  chapters.create(
                      new BudgetChapter(
                          "3010.01", "Doppione", ChapterType.REVENUE, null, null, null),
                      null))
          .hasMessageContaining("command.chapter.duplicate");
      assertThatThrownBy(
              () ->
                  chapters.savePlan(
                      "Velocità",
                      List.of(
                          new ChapterAllocation("Velocità", "3010.01", new BigDecimal("60")),
                          new ChapterAllocation("Velocità", "3010.02", new BigDecimal("30"))),
                      null))
          .hasMessageContaining("command.allocation.total-not-100")
          .hasMessageContaining("90,00%");
      assertThatThrownBy(
              () ->
                  chapters.savePlan(
                      "TUTTE",
                      List.of(new ChapterAllocation("TUTTE", "1030.09", new BigDecimal("100"))),
                      null))
          .hasMessageContaining("command.allocation.chapter-not-revenue");
      chapters.savePlan(
          "Velocità",
          List.of(
              new ChapterAllocation("Velocità", "3010.01", new BigDecimal("50")),
              new ChapterAllocation("Velocità", "3010.02", new BigDecimal("50"))),
          "Art. 142 c. 12-bis CdS");
      chapters.savePlan(
          "TUTTE", List.of(new ChapterAllocation("TUTTE", "3010.01", new BigDecimal("100"))), null);
      assertThat(chapters.planFor("Velocità")).hasSize(2);
      assertThat(chapters.planFor("Segnaletica"))
          .extracting(ChapterAllocation::chapterCode)
          .containsExactly("3010.01");
      assertThatThrownBy(() -> chapters.deactivate("3010.02", "non serve"))
          .hasMessageContaining("command.chapter.in-split");
      byte[] csv = chapters.exportAccounting(false);
      assertThat(new String(csv, java.nio.charset.StandardCharsets.UTF_8))
          .contains("3010.02;Proventi art. 142 c. 12-bis - ente proprietario;Entrata;attivo")
          .contains("Velocità;50,00");

      // Everything in order now: no blocking anomaly, verbali may be issued.
      assertThat(health.anomalies()).noneMatch(CommandAnomaly::blocking);
      health.ensureVerbaliMayBeIssued();

      // An expired signature certificate blocks again, and says why.
      registry.save(
          registryWith(
              "polizialocale@pec.comune.alfa.it",
              SignatureKind.QUALIFIED_SEAL,
              LocalDate.now().minusDays(1)),
          null);
      assertThatThrownBy(() -> health.ensureVerbaliMayBeIssued())
          .hasMessageContaining("è scaduto il");
      registry.save(
          registryWith(
              "polizialocale@pec.comune.alfa.it",
              SignatureKind.QUALIFIED_SEAL,
              LocalDate.now().plusYears(2)),
          null);
      health.ensureVerbaliMayBeIssued();

      // CMD-7: no change while an accounting batch runs.
      long batch = runs.start(CommandRunKind.ACCOUNTING_BATCH, "Chiusura contabile di novembre");
      assertThatThrownBy(
              () ->
                  fees.addVersion(
                      fee("ACC", FeeCategory.ASSESSMENT, null, "13.00", "2027-01-01"), null))
          .isInstanceOf(CommandRuleException.class)
          .hasMessageContaining("command.configuration.run-active")
          .hasMessageContaining("Chiusura contabile di novembre");
      assertThatThrownBy(
              () ->
                  registry.save(
                      registryWith("pl@pec.comune.alfa.it", SignatureKind.NONE, null), null))
          .hasMessageContaining("command.configuration.run-active");
      assertThatThrownBy(() -> runs.start(CommandRunKind.ACCOUNTING_BATCH, "Doppia"))
          .hasMessageContaining("command.run.already-active");
      runs.finish(batch);
      fees.addVersion(fee("ACC", FeeCategory.ASSESSMENT, null, "13.00", "2027-01-01"), null);

      // A field officer reads nothing of the configuration and changes nothing.
      permissions.createUser(
          new NewUser(
              OFFICER,
              "Luca",
              "Neri",
              "NRELCU80A01E472" + CodiceFiscale.checkCharacterOf("NRELCU80A01E472"),
              null,
              "VIABILITA",
              "FIELD_OFFICER"),
          null);
      currentStaff.signIn(OFFICER);
      assertThatThrownBy(
              () ->
                  fees.addVersion(fee("X1", FeeCategory.ASSESSMENT, null, "1", "2026-01-01"), null))
          .isInstanceOf(AccessDeniedException.class);
      assertThatThrownBy(() -> chapters.exportAccounting(true))
          .isInstanceOf(AccessDeniedException.class);
    }

    // The other command: its own registry from onboarding, no fees, no chapters, no register.
    try (TenantScope scope = TenantScope.enter(TenantId.of(OTHER))) {
      currentStaff.signIn("admin." + OTHER);
      assertThat(registry.view().registry().officialName()).isEqualTo("Comune di Prova cmd-beta");
      assertThat(registry.view().updatedAt()).isNull();
      assertThat(registry.logo()).isEmpty();
      assertThat(fees.history()).isEmpty();
      assertThat(chapters.chapters()).isEmpty();
      assertThat(register.search(ConfigurationRegister.Filter.all())).isEmpty();
    }
  }

  /** The command's public version as the platform's registry holds it. */
  private long publicVersion() {
    return tenants.find(TENANT).orElseThrow().getPublicVersion();
  }
}
