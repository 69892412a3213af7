package it.ksanctions.it.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import it.ksanctions.articles.application.ArticleCatalogue;
import it.ksanctions.articles.domain.ArticleCode;
import it.ksanctions.articles.domain.ArticleVersion;
import it.ksanctions.articles.domain.CataloguedVersion;
import it.ksanctions.articles.domain.PaymentWindowType;
import it.ksanctions.command.application.AmountsDue;
import it.ksanctions.command.application.CommandParameters;
import it.ksanctions.command.application.CommandParameters.ParameterVersion;
import it.ksanctions.command.application.CommandRegistryAdministration;
import it.ksanctions.command.application.CommandRuns;
import it.ksanctions.command.application.CommandSettings;
import it.ksanctions.command.application.ConfigurationRegister;
import it.ksanctions.command.application.VerbaleNumbering;
import it.ksanctions.command.application.VerbaleNumbering.AllocatedNumber;
import it.ksanctions.command.application.VerbaleNumbering.SequenceView;
import it.ksanctions.command.domain.CommandParameter;
import it.ksanctions.command.domain.CommandRegistry;
import it.ksanctions.command.domain.CommandRuleException;
import it.ksanctions.command.domain.CommandRunKind;
import it.ksanctions.command.domain.ConfigCategory;
import it.ksanctions.command.domain.ConfigChange;
import it.ksanctions.command.domain.NotificationChannel;
import it.ksanctions.command.domain.ProceduralDeadline;
import it.ksanctions.command.domain.SignatureKind;
import it.ksanctions.it.support.Causes;
import it.ksanctions.it.support.Deployments;
import it.ksanctions.permissions.application.CurrentStaff;
import it.ksanctions.platform.application.TenantOnboarding;
import it.ksanctions.platform.domain.OnboardingRequest;
import it.ksanctions.tenancy.context.TenantId;
import it.ksanctions.tenancy.context.TenantScope;
import it.ksanctions.tenancy.registry.Tenant;
import it.ksanctions.tenancy.registry.TenantDirectory;
import it.ksanctions.tenancy.registry.TenantRegistry;
import it.ksanctions.tenancy.web.CurrentTenant;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import jakarta.transaction.TransactionalException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Verbale numbering and general parameters in the server (CMD-4, CMD-7): concurrent allocations
 * with rollbacks leave numbers 1..N with no gap and no duplicate; sequences are per tenant, prefix
 * and year; switching the annual reset never repeats a number; parameters are versioned with their
 * author, checked against the law, blocked during an accounting batch; the patron-saint day reaches
 * the amounts engine.
 */
@ExtendWith(ArquillianExtension.class)
class VerbaleNumberingIT {

  static final String ALFA = "num-alfa";
  static final String BETA = "num-beta";
  static final String GAMMA = "num-gamma";
  static final String DELTA = "num-delta";
  static final int THREADS = 8;
  static final int ALLOCATIONS = 1_000;

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.shared();
  }

  @Inject TenantOnboarding onboarding;
  @Inject NumberingTransactions transactions;
  @Inject VerbaleNumbering numbering;
  @Inject CommandRegistryAdministration commandRegistry;
  @Inject CommandParameters parameters;
  @Inject CommandRuns runs;
  @Inject CommandSettings settings;
  @Inject ConfigurationRegister register;
  @Inject CurrentStaff currentStaff;
  @Inject ArticleCatalogue catalogue;
  @Inject TenantRegistry registry;
  @Inject TenantDirectory directory;
  @Inject CurrentTenant currentTenant;
  @Inject AmountsDue amountsDue;

  @PersistenceUnit(unitName = "tenant")
  EntityManagerFactory tenantUnit;

  @PersistenceUnit(unitName = "platform")
  EntityManagerFactory platformUnit;

  @BeforeEach
  void tenants() {
    for (String slug : List.of(ALFA, BETA, GAMMA, DELTA)) {
      onboarding.onboard(
          OnboardingRequest.validated(
              slug, "Comune " + slug, "COMUNE", "00097020598", null, List.of()));
    }
    // A command issues verbali once its registry names it fully (CMD-7); DELTA never does.
    for (String slug : List.of(ALFA, BETA, GAMMA)) {
      try (TenantScope scope = TenantScope.enter(TenantId.of(slug))) {
        currentStaff.signIn("admin." + slug);
        if (!commandRegistry.current().complete()) {
          CommandRegistry onboarded = commandRegistry.current();
          commandRegistry.save(
              new CommandRegistry(
                  onboarded.officialName(),
                  onboarded.bodyKind(),
                  null,
                  onboarded.taxCode(),
                  null,
                  null,
                  null,
                  null,
                  null,
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
      }
    }
  }

  @Test
  void seriousAnomaliesBlockTheIssuingOfNewVerbali() {
    try (TenantScope scope = TenantScope.enter(TenantId.of(DELTA))) {
      assertThatThrownBy(() -> transactions.commit("PL", LocalDate.of(2026, 5, 4)))
          .satisfies(
              e ->
                  assertThat(Causes.of(e))
                      .filteredOn(CommandRuleException.class::isInstance)
                      .singleElement()
                      .satisfies(
                          c ->
                              assertThat(c.getMessage())
                                  .contains("command.anomalies.blocking")
                                  .contains("Anagrafica incompleta")));
      currentStaff.signIn("admin." + DELTA);
      assertThat(numbering.sequences()).isEmpty();
    }
  }

  /** Refused with {@code code}; through an EJB the rule arrives wrapped in an EJBException. */
  static void refused(ThrowingCallable call, String code) {
    assertThatThrownBy(call)
        .satisfies(
            e ->
                assertThat(Causes.of(e))
                    .filteredOn(CommandRuleException.class::isInstance)
                    .extracting(c -> ((CommandRuleException) c).code())
                    .containsExactly(code));
  }

  @Test
  void concurrentAllocationsWithRollbacksAreGaplessAndUnique() throws Exception {
    LocalDate day = LocalDate.of(2026, 5, 4);
    AtomicInteger next = new AtomicInteger();
    Queue<Long> committed = new ConcurrentLinkedQueue<>();
    Queue<Long> rolledBack = new ConcurrentLinkedQueue<>();
    Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      Thread thread =
          new Thread(
              () -> {
                try (TenantScope scope = TenantScope.enter(TenantId.of(ALFA))) {
                  for (int i = next.getAndIncrement();
                      i < ALLOCATIONS;
                      i = next.getAndIncrement()) {
                    if (i % 10 == 7) {
                      rolledBack.add(transactions.rollBack("CC", day).progressive());
                    } else {
                      committed.add(transactions.commit("CC", day).progressive());
                    }
                  }
                } catch (Throwable e) {
                  failures.add(e);
                }
              },
              "numbering-" + t);
      thread.setContextClassLoader(loader);
      threads.add(thread);
    }
    long start = System.nanoTime();
    threads.forEach(Thread::start);
    for (Thread thread : threads) {
      thread.join(TimeUnit.MINUTES.toMillis(5));
      assertThat(thread.isAlive()).as(thread.getName() + " finished").isFalse();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    assertThat(failures).as("failures in the allocating threads").isEmpty();
    System.out.printf(
        "VerbaleNumberingIT: %d allocations (%d committed, %d rolled back) on %d threads in %.2f s:"
            + " %.0f allocations/s%n",
        ALLOCATIONS, committed.size(), rolledBack.size(), THREADS, seconds, ALLOCATIONS / seconds);

    assertThat(rolledBack).hasSize(ALLOCATIONS / 10);
    int n = ALLOCATIONS - ALLOCATIONS / 10;
    List<Long> sorted = committed.stream().sorted().toList();
    assertThat(sorted)
        .as("committed numbers are exactly 1..N, no gap, no duplicate")
        .containsExactlyElementsOf(LongStream.rangeClosed(1, n).boxed().toList());
    try (TenantScope scope = TenantScope.enter(TenantId.of(ALFA))) {
      currentStaff.signIn("admin." + ALFA);
      assertThat(numbering.sequences()).contains(new SequenceView("CC", 2026, n));
    }
  }

  @Test
  void sequencesArePerTenantPrefixAndYear() {
    LocalDate spring = LocalDate.of(2026, 3, 2);
    try (TenantScope scope = TenantScope.enter(TenantId.of(ALFA))) {
      AllocatedNumber first = transactions.commit("PL", spring);
      assertThat(first).isEqualTo(new AllocatedNumber("PL", 2026, 1, "PL/2026/000001"));
      assertThat(transactions.commit(null, spring).text())
          .as("the default prefix")
          .isEqualTo("PL/2026/000002");
      assertThat(transactions.commit("VL", spring).text()).isEqualTo("VL/2026/000001");
      assertThat(transactions.commit("PL", LocalDate.of(2027, 1, 1)))
          .as("annual reset: a new year starts at 1")
          .isEqualTo(new AllocatedNumber("PL", 2027, 1, "PL/2027/000001"));
      assertThat(transactions.commit("pl", spring).text()).isEqualTo("PL/2026/000003");
      refused(() -> transactions.commit("P/L", spring), "command.numbering.prefix-invalid");
      assertThatThrownBy(() -> numbering.allocate("PL", spring))
          .as("only inside the transaction that stores the verbale")
          .isInstanceOf(TransactionalException.class);
    }
    try (TenantScope scope = TenantScope.enter(TenantId.of(BETA))) {
      assertThat(transactions.commit("PL", spring).text())
          .as("another tenant's sequence with the same prefix and year")
          .isEqualTo("PL/2026/000001");
    }
  }

  @Test
  void parametersAreVersionedCheckedAndBlockedDuringABatch() {
    try (TenantScope scope = TenantScope.enter(TenantId.of(GAMMA))) {
      currentStaff.signIn("admin." + GAMMA);
      int before = versionsOf(CommandParameter.NUMBERING_PATTERN).size();

      parameters.change(
          CommandParameter.NUMBERING_PATTERN, "{PREFISSO}-{AA}-{N:4}", "Delibera G.C. 12/2026");
      assertThat(parameters.current().numbering().pattern().text())
          .isEqualTo("{PREFISSO}-{AA}-{N:4}");
      List<ParameterVersion> versions = versionsOf(CommandParameter.NUMBERING_PATTERN);
      assertThat(versions).hasSize(before + 1);
      ParameterVersion latest = versions.get(0);
      assertThat(latest.version()).isEqualTo(before + 1);
      assertThat(latest.value()).isEqualTo("{PREFISSO}-{AA}-{N:4}");
      assertThat(latest.changedBy()).isEqualTo("admin." + GAMMA);
      assertThat(latest.reference()).isEqualTo("Delibera G.C. 12/2026");
      assertThat(latest.changedAt()).isNotNull();
      assertThat(
              register.search(
                  new ConfigurationRegister.Filter(ConfigCategory.NUMBERING, null, null, null)))
          .extracting(ConfigChange::item, ConfigChange::newValue, ConfigChange::author)
          .contains(
              tuple("Schema del numero di verbale", "{PREFISSO}-{AA}-{N:4}", "admin." + GAMMA));
      LocalDate today = LocalDate.now(ZoneId.of("Europe/Rome"));
      String yy = String.format("%02d", today.getYear() % 100);
      assertThat(transactions.commit("PL", today).text()).isEqualTo("PL-" + yy + "-0001");
      assertThat(transactions.commit("PL", today).text()).isEqualTo("PL-" + yy + "-0002");

      // Refused: out of the legal bounds, no progressive, nothing changed; nothing is stored.
      int all = parameters.history().size();
      refused(
          () -> parameters.change(CommandParameter.NOTIFICATION_ITALY_DAYS, "120", null),
          "command.parameters.deadline-out-of-range");
      refused(
          () -> parameters.change(CommandParameter.NUMBERING_PATTERN, "{PREFISSO}/{ANNO}", null),
          "command.numbering.progressive-missing");
      refused(
          () ->
              parameters.change(CommandParameter.NUMBERING_PATTERN, "{PREFISSO}-{AA}-{N:4}", null),
          "command.parameters.unchanged");
      assertThat(parameters.history()).hasSize(all);

      // A shorter internal notification target and the session timeout the back office reads.
      Map<CommandParameter, String> several = new EnumMap<>(CommandParameter.class);
      several.put(CommandParameter.NOTIFICATION_ITALY_DAYS, "75");
      several.put(CommandParameter.SESSION_IDLE_MINUTES, "45");
      several.put(CommandParameter.SERVICE_START, "06:30");
      assertThat(parameters.change(several, "Ordine di servizio 3/2026"))
          .containsExactly(
              CommandParameter.NOTIFICATION_ITALY_DAYS,
              CommandParameter.SERVICE_START,
              CommandParameter.SESSION_IDLE_MINUTES);
      assertThat(parameters.current().deadline(ProceduralDeadline.NOTIFICATION_ITALY))
          .isEqualTo(75);
      assertThat(settings.get(CommandParameters.SESSION_IDLE_SETTING)).contains("45");

      // CMD-7: blocked while an accounting batch is active, allowed after it.
      long batch = runs.start(CommandRunKind.ACCOUNTING_BATCH, "Rendiconto mensile");
      try {
        refused(
            () -> parameters.change(CommandParameter.PAYMENT_DAYS, "90", null),
            "command.configuration.run-active");
      } finally {
        runs.finish(batch);
      }
      parameters.change(CommandParameter.PAYMENT_DAYS, "90", "DL proroga termini");
      assertThat(parameters.current().deadline(ProceduralDeadline.PAYMENT)).isEqualTo(90);

      // Switching the annual reset off and on again never repeats a number of this year.
      Map<CommandParameter, String> continuous = new EnumMap<>(CommandParameter.class);
      continuous.put(CommandParameter.NUMBERING_ANNUAL_RESET, "false");
      continuous.put(CommandParameter.NUMBERING_PATTERN, "{PREFISSO}-{N:4}");
      parameters.change(continuous, null);
      assertThat(transactions.commit("PL", today).text()).isEqualTo("PL-0003");
      Map<CommandParameter, String> yearly = new EnumMap<>(CommandParameter.class);
      yearly.put(CommandParameter.NUMBERING_ANNUAL_RESET, "true");
      yearly.put(CommandParameter.NUMBERING_PATTERN, "{PREFISSO}/{ANNO}/{N}");
      parameters.change(yearly, null);
      assertThat(transactions.commit("PL", today).text()).isEqualTo("PL/" + today.getYear() + "/4");
      assertThat(transactions.commit("PL", today.plusYears(1)).text())
          .isEqualTo("PL/" + (today.getYear() + 1) + "/1");
    }
  }

  @Test
  void thePatronSaintDayReachesTheRegistryAndTheAmounts() {
    try (TenantScope scope = TenantScope.enter(TenantId.of(BETA))) {
      currentStaff.signIn("admin." + BETA);
      ArticleVersion article =
          catalogue
              .inForce(ArticleCode.parse("142c8"), LocalDate.of(2026, 6, 19))
              .map(CataloguedVersion::terms)
              .orElseThrow();
      LocalDateTime violation = LocalDateTime.of(2026, 6, 19, 10, 0);
      LocalDate notified = LocalDate.of(2026, 6, 19); // + 5 days = Wednesday 24 June

      parameters.change(CommandParameter.PATRON_SAINT_DAY, "06-24", "Statuto comunale");
      assertThat(registry.find(BETA).map(Tenant::getPatronSaintDay)).contains("06-24");
      assertThat(parameters.current().patronSaintDayText()).isEqualTo("06-24");
      assertThat(reducedPaymentLastDay(article, violation, notified))
          .isEqualTo(LocalDate.of(2026, 6, 25));

      parameters.change(CommandParameter.PATRON_SAINT_DAY, "", "Nessuna festa patronale");
      assertThat(registry.find(BETA).map(Tenant::getPatronSaintDay)).isEmpty();
      assertThat(reducedPaymentLastDay(article, violation, notified))
          .isEqualTo(LocalDate.of(2026, 6, 24));
      assertThat(versionsOf(CommandParameter.PATRON_SAINT_DAY))
          .extracting(ParameterVersion::value)
          .startsWith("", "06-24");
      refused(
          () -> parameters.change(CommandParameter.PATRON_SAINT_DAY, "02-30", null),
          "command.parameters.patron-day-invalid");
    }
  }

  /**
   * The amounts of a violation, with the command's fees (what {@code GET .../amounts} answers),
   * take at most two statements of the tenant's unit (the article version in force, the fees) and
   * none of the platform registry once the request's tenant is resolved, as the resolution filter
   * does. Counted with Hibernate's statistics, switched on for this test only.
   */
  @Test
  void theAmountsOfAViolationTakeTwoStatementsAndNoRegistryQuery() {
    try (TenantScope scope = TenantScope.enter(TenantId.of(GAMMA))) {
      currentTenant.resolved(directory.bySlug(GAMMA).orElseThrow(), "/t/" + GAMMA);
      Statistics tenantStatistics = tenantUnit.unwrap(SessionFactory.class).getStatistics();
      Statistics platformStatistics = platformUnit.unwrap(SessionFactory.class).getStatistics();
      tenantStatistics.setStatisticsEnabled(true);
      platformStatistics.setStatisticsEnabled(true);
      try {
        // The statistics count every statement of the session factory, the server's own timers
        // (outbox every 10 s, SEND progress, citizen notices) included. Their statements only
        // add to the count, so the fewest over a few quotes bounds what one quote takes.
        long tenantStatements = Long.MAX_VALUE;
        long registryStatements = Long.MAX_VALUE;
        Optional<AmountsDue.Quote> quote = Optional.empty();
        for (int attempt = 0; attempt < 5; attempt++) {
          tenantStatistics.clear();
          platformStatistics.clear();
          quote =
              amountsDue.quote(
                  ArticleCode.parse("142c8"),
                  LocalDateTime.of(2026, 6, 19, 10, 0),
                  LocalDate.of(2026, 6, 19),
                  NotificationChannel.PEC);
          tenantStatements =
              Math.min(tenantStatements, tenantStatistics.getPrepareStatementCount());
          registryStatements =
              Math.min(registryStatements, platformStatistics.getPrepareStatementCount());
        }
        System.out.printf(
            "[amounts] statements: tenant unit %d, platform registry %d%n",
            tenantStatements, registryStatements);
        assertThat(quote).isPresent();
        assertThat(quote.get().windows().windows()).isNotEmpty();
        assertThat(tenantStatements).isBetween(1L, 2L);
        assertThat(registryStatements).isZero();
      } finally {
        tenantStatistics.setStatisticsEnabled(false);
        platformStatistics.setStatisticsEnabled(false);
      }
    }
  }

  private LocalDate reducedPaymentLastDay(
      ArticleVersion article, LocalDateTime violation, LocalDate notified) {
    return catalogue
        .paymentWindows(article, violation, notified)
        .window(PaymentWindowType.REDUCED_30)
        .orElseThrow()
        .lastDay();
  }

  private List<ParameterVersion> versionsOf(CommandParameter parameter) {
    return parameters.history().stream().filter(v -> v.name().equals(parameter.key())).toList();
  }
}
