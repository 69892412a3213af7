package it.ksanctions.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Checks the product's code ({@code tenancy}, {@code ejb} and {@code web}, all on this module's
 * test class path) against {@link ArchitectureRules}: one test per rule, run by {@code ./mvnw
 * verify}.
 */
class ArchitectureTest {

  private static JavaClasses classes;
  private static ArchitectureRules rules;

  @BeforeAll
  static void importProductClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("it.ksanctions");
    rules =
        new ArchitectureRules(
            "it.ksanctions",
            ArchitectureRules.locatedUnder(Path.of("target", "classes").toAbsolutePath().toUri()));
  }

  /** The rules below would pass vacuously on an empty import: each module must be in it. */
  @Test
  void theRulesSeeTenancyEjbAndWeb() {
    assertThat(classes.contain("it.ksanctions.tenancy.web.TenantResolutionFilter")).isTrue();
    assertThat(classes.contain("it.ksanctions.command.application.AmountsDue")).isTrue();
    assertThat(classes.contain("it.ksanctions.command.api.AmountsResource")).isTrue();
    assertThat(classes.stream().filter(c -> c.getPackageName().startsWith("it.ksanctions")).count())
        .isGreaterThan(400);
  }

  @TestFactory
  Stream<DynamicTest> everyRuleHolds() {
    return rules.all().stream()
        .map(
            (ArchRule rule) ->
                DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(classes)));
  }
}
