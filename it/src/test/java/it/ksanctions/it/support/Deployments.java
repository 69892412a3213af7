package it.ksanctions.it.support;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;

/**
 * Test deployments built from the real EAR of the build. In-container test classes are added to the
 * EJB module, where they see the business modules, the tenancy library and the tenant persistence
 * unit exactly as production code does.
 */
public final class Deployments {

  private static final String EJB_MODULE = "ksanctions-ejb.jar";

  /**
   * The name of the one deployment the test classes share ({@link SharedDeployment}), the name the
   * run command deploys the application under too (the citizen API's WAR depends on it).
   */
  public static final String SHARED = it.ksanctions.devstack.LocalStack.EAR_NAME;

  /** Test classes left out of the shared deployment: they come with an application of their own. */
  private static final java.util.Set<String> OWN_APPLICATION = java.util.Set.of("PoolOfOneIT");

  /** The shared deployment as built the first time (a ZIP in memory). */
  private static byte[] shared;

  private Deployments() {}

  /** The production EAR as built, untouched (for black-box tests). */
  public static EnterpriseArchive productionEar(String name) {
    File ear = new File(System.getProperty("ksanctions.ear.file"));
    return ShrinkWrap.create(ZipImporter.class, name).importFrom(ear).as(EnterpriseArchive.class);
  }

  /**
   * The citizen API's WAR as built ({@code ksanctions-citizen-api.war}, ADR 0012). It depends on
   * the EAR deployed as {@code ksanctions.ear}: deploy that first, under that name.
   */
  public static org.jboss.shrinkwrap.api.spec.WebArchive citizenApi() {
    File war = new File(System.getProperty("ksanctions.citizen-api.file"));
    return ShrinkWrap.create(ZipImporter.class, war.getName())
        .importFrom(war)
        .as(org.jboss.shrinkwrap.api.spec.WebArchive.class);
  }

  /** The highest tenant migration version the production EAR ships (e.g. "5"). */
  public static String latestTenantMigration() {
    EnterpriseArchive ear = productionEar("probe.ear");
    JavaArchive ejb = ejbModule(ear);
    java.util.regex.Pattern migration =
        java.util.regex.Pattern.compile(".*/db/tenant/V(\\d+)__.*\\.sql");
    return ejb.getContent().keySet().stream()
        .map(path -> migration.matcher(path.get()))
        .filter(java.util.regex.Matcher::matches)
        .map(m -> Integer.parseInt(m.group(1)))
        .max(Integer::compare)
        .map(String::valueOf)
        .orElseThrow(() -> new IllegalStateException("No tenant migration in " + EJB_MODULE));
  }

  /**
   * The application every test class shares (deployed once per run, see {@link SharedDeployment}):
   * the production EAR as built, with the integration tests' classes added to its EJB module (where
   * in-container tests see the business modules, the tenancy library and the tenant persistence
   * unit exactly as production code does), plus AssertJ. Black-box test classes use it too and run
   * as clients ({@code @RunAsClient}): the test classes add no behaviour of their own to the
   * application, only beans the in-container tests inject.
   */
  public static synchronized EnterpriseArchive shared() {
    if (shared == null) {
      EnterpriseArchive ear = productionEar(SHARED);
      JavaArchive ejb = ejbModule(ear);
      Path classes = classesDirectory();
      try (java.util.stream.Stream<Path> files = Files.walk(classes.resolve("it/ksanctions/it"))) {
        files
            .filter(f -> f.toString().endsWith(".class"))
            .filter(f -> !OWN_APPLICATION.contains(f.getFileName().toString().split("[.$]")[0]))
            .forEach(
                f ->
                    ejb.add(
                        new org.jboss.shrinkwrap.api.asset.FileAsset(f.toFile()),
                        classes.relativize(f).toString().replace(java.io.File.separatorChar, '/')));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      withTests(ear, ejb);
      java.io.ByteArrayOutputStream zip = new java.io.ByteArrayOutputStream(40 << 20);
      ear.as(org.jboss.shrinkwrap.api.exporter.ZipExporter.class).exportTo(zip);
      shared = zip.toByteArray();
    }
    // A fresh copy each time: Arquillian adds its protocol to the archive it is given.
    return ShrinkWrap.create(ZipImporter.class, SHARED)
        .importFrom(new java.io.ByteArrayInputStream(shared))
        .as(EnterpriseArchive.class);
  }

  private static Path classesDirectory() {
    try {
      return Path.of(Deployments.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The production EAR with {@code classes} added to its EJB module, plus AssertJ. */
  public static EnterpriseArchive earWithTests(String name, Class<?>... classes) {
    EnterpriseArchive ear = productionEar(name);
    JavaArchive ejb = ejbModule(ear);
    ejb.addClasses(classes);
    ejb.addClass(Causes.class); // used by in-container assertions
    ejb.addClass(TestCreditors.class); // the commands' creditors, set up in the container
    ejb.addClass(Mailbox.class); // the mailboxes, read in the container
    return withTests(ear, ejb);
  }

  /** The EJB module of {@code ear}, to add test classes to. */
  private static JavaArchive ejbModule(EnterpriseArchive ear) {
    return ShrinkWrap.create(ZipImporter.class, EJB_MODULE)
        .importFrom(ear.get(EJB_MODULE).getAsset().openStream())
        .as(JavaArchive.class);
  }

  /** {@code ear} with {@code ejb} as its EJB module, plus AssertJ for in-container assertions. */
  private static EnterpriseArchive withTests(EnterpriseArchive ear, JavaArchive ejb) {
    ear.delete(EJB_MODULE);
    ear.addAsModule(ejb);
    ear.addAsLibrary(jarOf(org.assertj.core.api.Assertions.class));
    return ear;
  }

  /** A library holding only {@code resource} as {@code META-INF/persistence.xml}. */
  public static JavaArchive persistenceLibrary(String name, String resource) {
    return ShrinkWrap.create(JavaArchive.class, name)
        .addAsManifestResource(resource, "persistence.xml")
        .addAsManifestResource(EmptyAsset.INSTANCE, "beans.xml");
  }

  private static File jarOf(Class<?> type) {
    try {
      return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
