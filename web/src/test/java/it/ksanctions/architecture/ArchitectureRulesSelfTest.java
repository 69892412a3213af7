package it.ksanctions.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each architecture rule fails on a deliberate violation: the rules run against {@code
 * archfixture}, a code base built to break each of them once, and must name the offending class. A
 * rule that could not fail would pass here never.
 */
class ArchitectureRulesSelfTest {

  private static JavaClasses fixture;
  private static ArchitectureRules rules;

  @BeforeAll
  static void importFixture() {
    fixture = new ClassFileImporter().importPackages("archfixture");
    rules = new ArchitectureRules("archfixture", c -> c.getSimpleName().endsWith("View"));
  }

  @ParameterizedTest(name = "{0} fails on {1}")
  @CsvSource({
    "webUsesNoInfrastructure, archfixture.articles.ArticleView",
    "onlyWebUsesWeb, archfixture.articles.application.Catalogue",
    "tenancyUsesNoContext, archfixture.tenancy.context.TenantId",
    "sharedKernelUsesNoContext, archfixture.shared.TaxCode",
    "contextsFreeOfCycles, archfixture.places.application.PlaceDirectory",
    "noForeignInfrastructure, archfixture.devices.application.Gateway",
    "tenantSqlOnlyInTenancy, archfixture.command.infrastructure.Locks",
    "tenantNamesAndThreadLocalOnlyInTenancy, archfixture.command.application.Schemas",
    "domainWithoutPersistence, archfixture.command.domain.Setting",
  })
  void ruleFailsOnItsDeliberateViolation(String rule, String offender) {
    EvaluationResult result = rule(rule).evaluate(fixture);

    assertThat(result.hasViolation()).as(rule).isTrue();
    assertThat(result.getFailureReport().getDetails()).anyMatch(line -> line.contains(offender));
  }

  private static ArchRule rule(String name) {
    Function<ArchitectureRules, ArchRule> rule =
        switch (name) {
          case "webUsesNoInfrastructure" -> ArchitectureRules::webUsesNoInfrastructure;
          case "onlyWebUsesWeb" -> ArchitectureRules::onlyWebUsesWeb;
          case "tenancyUsesNoContext" -> ArchitectureRules::tenancyUsesNoContext;
          case "sharedKernelUsesNoContext" -> ArchitectureRules::sharedKernelUsesNoContext;
          case "contextsFreeOfCycles" -> ArchitectureRules::contextsFreeOfCycles;
          case "noForeignInfrastructure" -> ArchitectureRules::noForeignInfrastructure;
          case "tenantSqlOnlyInTenancy" -> ArchitectureRules::tenantSqlOnlyInTenancy;
          case "tenantNamesAndThreadLocalOnlyInTenancy" ->
              ArchitectureRules::tenantNamesAndThreadLocalOnlyInTenancy;
          case "domainWithoutPersistence" -> ArchitectureRules::domainWithoutPersistence;
          default -> throw new IllegalArgumentException(name);
        };
    return rule.apply(rules);
  }
}
