package it.ksanctions.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
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

  @TestFactory
  Stream<DynamicTest> everyRuleHolds() {
    return rules.all().stream()
        .map(
            (ArchRule rule) ->
                DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(classes)));
  }
}
