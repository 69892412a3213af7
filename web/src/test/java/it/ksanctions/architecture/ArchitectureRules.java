package it.ksanctions.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The architecture of the code base as executable rules (ADR 0006, "how contexts talk to each
 * other"). Written against a root package so that {@link ArchitectureRulesSelfTest} can show that
 * every rule fails on a small code base built to break it.
 *
 * <ul>
 *   <li>(a) the web module uses the {@code application} and {@code domain} packages of the
 *       contexts, never their {@code infrastructure}; nothing outside the web module uses it; the
 *       {@code tenancy} module uses no context and nothing of the web module;
 *   <li>(b) no cycle among the bounded contexts (their {@code ejb} and {@code web} classes
 *       together);
 *   <li>(c) a context never uses another context's {@code infrastructure};
 *   <li>(d) only {@code tenancy} touches the tenant plumbing: {@code search_path}, {@code SET
 *       ROLE}, {@code current_schema()}, PostgreSQL advisory locks, a tenant's schema and role
 *       names, and the tenant {@link ThreadLocal};
 *   <li>(e) {@code domain} packages are plain Java: no {@code jakarta.persistence}.
 * </ul>
 */
final class ArchitectureRules {

  /** The bounded contexts, in {@code ejb} and in {@code web} alike (README, map of contexts). */
  static final List<String> CONTEXTS =
      List.of(
          "identity",
          "permissions",
          "places",
          "articles",
          "command",
          "branding",
          "devices",
          "sanctions",
          "notifications",
          "payments",
          "portal",
          "platform");

  /** What tenant plumbing looks like in a class file's constants (SQL and names). */
  private static final List<String> TENANT_PLUMBING_TEXT =
      List.of(
          "search_path",
          "set role",
          "reset role",
          "current_schema",
          "pg_advisory",
          "pg_try_advisory");

  private final String root;
  private final Predicate<JavaClass> webModule;

  /**
   * @param root the root package ({@code it.ksanctions})
   * @param webModule which classes are the web module's (by where their class files are)
   */
  ArchitectureRules(String root, Predicate<JavaClass> webModule) {
    this.root = root;
    this.webModule = webModule;
  }

  /** The classes of the web module: those whose class file lies under {@code webClasses}. */
  static Predicate<JavaClass> locatedUnder(URI webClasses) {
    return javaClass ->
        javaClass
            .getSource()
            .map(source -> source.getUri().toString().startsWith(webClasses.toString()))
            .orElse(false);
  }

  // ---------------------------------------------------------------- (a) layers

  ArchRule webUsesNoInfrastructure() {
    return noClasses()
        .that(inWebModule())
        .should()
        .dependOnClassesThat()
        .resideInAPackage(root + "..infrastructure..")
        .as("(a) the web module uses the contexts' application and domain, never infrastructure");
  }

  ArchRule onlyWebUsesWeb() {
    return noClasses()
        .that(inWebModule().negate())
        .should()
        .dependOnClassesThat(inWebModule())
        .as("(a) nothing outside the web module depends on it");
  }

  ArchRule tenancyUsesNoContext() {
    return noClasses()
        .that()
        .resideInAPackage(root + ".tenancy..")
        .should()
        .dependOnClassesThat(
            DescribedPredicate.describe(
                "a context, the shared kernel or the web module",
                c ->
                    contextOf(c).isPresent()
                        || c.getPackageName().startsWith(root + ".shared")
                        || isInWebModule(c)))
        .as("(a) tenancy depends on no context and on nothing of the web module");
  }

  ArchRule sharedKernelUsesNoContext() {
    return noClasses()
        .that()
        .resideInAPackage(root + ".shared..")
        .should()
        .dependOnClassesThat(
            DescribedPredicate.describe(
                "a context or the web module", c -> contextOf(c).isPresent() || isInWebModule(c)))
        .as("(a) the shared kernel depends on no context");
  }

  // ---------------------------------------------------------------- (b) cycles

  ArchRule contextsFreeOfCycles() {
    SliceAssignment byContext =
        new SliceAssignment() {
          @Override
          public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            return contextOf(javaClass).map(SliceIdentifier::of).orElse(SliceIdentifier.ignore());
          }

          @Override
          public String getDescription() {
            return "bounded contexts of " + root;
          }
        };
    return SlicesRuleDefinition.slices()
        .assignedFrom(byContext)
        .should()
        .beFreeOfCycles()
        .as("(b) no cycle among the bounded contexts");
  }

  // ---------------------------------------------------------------- (c) foreign infrastructure

  ArchRule noForeignInfrastructure() {
    ArchCondition<JavaClass> condition =
        new ArchCondition<>("use no other context's infrastructure") {
          @Override
          public void check(JavaClass item, ConditionEvents events) {
            Optional<String> own = contextOf(item);
            for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
              JavaClass target = dependency.getTargetClass();
              Optional<String> other = contextOf(target);
              if (other.isPresent()
                  && !other.equals(own)
                  && target
                      .getPackageName()
                      .startsWith(root + "." + other.get() + ".infrastructure")) {
                events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
              }
            }
          }
        };
    return classes()
        .that()
        .resideInAPackage(root + "..")
        .should(condition)
        .as("(c) a context never uses another context's infrastructure");
  }

  // ---------------------------------------------------------------- (d) tenant plumbing

  ArchRule tenantSqlOnlyInTenancy() {
    ArchCondition<JavaClass> condition =
        new ArchCondition<>("not contain SQL of the tenant plumbing") {
          @Override
          public void check(JavaClass item, ConditionEvents events) {
            String constants = classFileText(item);
            for (String text : TENANT_PLUMBING_TEXT) {
              if (constants.contains(text)) {
                events.add(
                    SimpleConditionEvent.violated(
                        item, item.getName() + " contains '" + text + "'"));
              }
            }
          }
        };
    return classes()
        .that()
        .resideInAPackage(root + "..")
        .and()
        .resideOutsideOfPackage(root + ".tenancy..")
        .should(condition)
        .as("(d) only tenancy touches search_path, roles, current_schema() and advisory locks");
  }

  ArchRule tenantNamesAndThreadLocalOnlyInTenancy() {
    DescribedPredicate<JavaMethodCall> plumbingCall =
        DescribedPredicate.describe(
            "a tenant's schema or role name",
            call ->
                call.getTargetOwner().getName().equals(root + ".tenancy.context.TenantId")
                    && Set.of("schemaName", "roleName", "auditRoleName").contains(call.getName()));
    ArchCondition<JavaClass> condition =
        new ArchCondition<>("neither ask a tenant's schema or role name nor use a ThreadLocal") {
          @Override
          public void check(JavaClass item, ConditionEvents events) {
            for (JavaMethodCall call : item.getMethodCallsFromSelf()) {
              if (plumbingCall.test(call)) {
                events.add(SimpleConditionEvent.violated(call, call.getDescription()));
              }
            }
            for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
              if (dependency.getTargetClass().isAssignableTo(ThreadLocal.class)) {
                events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
              }
            }
          }
        };
    return classes()
        .that()
        .resideInAPackage(root + "..")
        .and()
        .resideOutsideOfPackage(root + ".tenancy..")
        .should(condition)
        .as("(d) only tenancy uses schema and role names and the tenant ThreadLocal");
  }

  // ---------------------------------------------------------------- (e) plain domain

  ArchRule domainWithoutPersistence() {
    return noClasses()
        .that()
        .resideInAPackage(root + "..domain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("jakarta.persistence..", "org.hibernate..")
        .as("(e) domain packages have no jakarta.persistence");
  }

  List<ArchRule> all() {
    return List.of(
        webUsesNoInfrastructure(),
        onlyWebUsesWeb(),
        tenancyUsesNoContext(),
        sharedKernelUsesNoContext(),
        contextsFreeOfCycles(),
        noForeignInfrastructure(),
        tenantSqlOnlyInTenancy(),
        tenantNamesAndThreadLocalOnlyInTenancy(),
        domainWithoutPersistence());
  }

  // ---------------------------------------------------------------- helpers

  /** The bounded context a class belongs to: {@code <root>.<context>..}, in ejb or web. */
  Optional<String> contextOf(JavaClass javaClass) {
    String name = javaClass.getPackageName();
    if (!name.startsWith(root + ".")) {
      return Optional.empty();
    }
    String rest = name.substring(root.length() + 1);
    String first = rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
    return CONTEXTS.contains(first) ? Optional.of(first) : Optional.empty();
  }

  private DescribedPredicate<JavaClass> inWebModule() {
    return DescribedPredicate.describe("in the web module", this::isInWebModule);
  }

  private boolean isInWebModule(JavaClass javaClass) {
    return webModule.test(javaClass);
  }

  /** The class file read as text: its constant pool holds the SQL strings the class uses. */
  private static String classFileText(JavaClass javaClass) {
    URI uri = javaClass.getSource().map(s -> s.getUri()).orElse(null);
    if (uri == null) {
      return "";
    }
    try (InputStream in = uri.toURL().openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + uri, e);
    }
  }
}
