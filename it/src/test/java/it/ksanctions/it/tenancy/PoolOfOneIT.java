package it.ksanctions.it.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import it.ksanctions.it.support.Deployments;
import it.ksanctions.it.support.TenantProbe;
import it.ksanctions.platform.application.TenantOnboarding;
import it.ksanctions.platform.domain.OnboardingRequest;
import it.ksanctions.tenancy.context.TenantId;
import it.ksanctions.tenancy.context.TenantScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.as.arquillian.api.ServerSetup;
import org.jboss.as.arquillian.api.ServerSetupTask;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One pooled connection, two tenants, 1,000 alternations: every read comes from the tenant in
 * scope, never from the schema the previous borrower left behind. The persistence unit uses the
 * production connection provider and resolver on a datasource whose pool holds exactly one
 * connection (proved by a single backend process id).
 */
@ExtendWith(ArquillianExtension.class)
@ServerSetup(PoolOfOneIT.PoolOfOneDataSource.class)
class PoolOfOneIT {

  static final String ALFA = "one-alfa";
  static final String BETA = "one-beta";
  static final String MARKER = "it.marker";

  @Deployment
  static EnterpriseArchive deployment() {
    EnterpriseArchive ear =
        Deployments.earWithTests(
            "pool-of-one.ear", PoolOfOneIT.class, Observer.class, TenantProbe.class);
    ear.addAsLibrary(
        Deployments.persistenceLibrary("pool-of-one-unit.jar", "pool-of-one-persistence.xml"));
    return ear;
  }

  @Inject TenantOnboarding onboarding;
  @Inject TenantProbe tenantData;
  @Inject Observer observer;

  @Test
  void thousandAlternationsOnOneConnectionNeverReadTheWrongSchema() {
    for (String slug : List.of(ALFA, BETA)) {
      onboarding.onboard(
          OnboardingRequest.validated(
              slug, "Comune " + slug, "UNIONE", "00514490010", null, List.of()));
      try (TenantScope scope = TenantScope.enter(TenantId.of(slug))) {
        tenantData.write(MARKER, slug);
      }
    }
    List<String> wrongReads = new ArrayList<>();
    Set<Integer> backends = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      TenantId tenant = TenantId.of(i % 2 == 0 ? ALFA : BETA);
      try (TenantScope scope = TenantScope.enter(tenant)) {
        Object[] seen = observer.observe();
        String expected = tenant.slug() + "|" + tenant.schemaName() + "|" + tenant.roleName();
        String actual = seen[0] + "|" + seen[1] + "|" + seen[2];
        if (!expected.equals(actual)) {
          wrongReads.add("#" + i + " expected " + expected + " got " + actual);
        }
        backends.add(((Number) seen[3]).intValue());
      }
    }
    assertThat(wrongReads).as("reads from the wrong schema").isEmpty();
    assertThat(backends).as("physical connections used").hasSize(1);
  }

  /** Reads through the "pool-of-one" unit, one transaction per call. */
  @ApplicationScoped
  public static class Observer {
    @PersistenceContext(unitName = "pool-of-one")
    EntityManager em;

    @Transactional
    public Object[] observe() {
      return (Object[])
          em.createNativeQuery(
                  "select (select setting_value from command_setting where setting_key = '"
                      + MARKER
                      + "'), current_schema(), current_user, pg_backend_pid()")
              .getSingleResult();
    }
  }

  /** Adds a datasource like the platform's, with a pool of exactly one connection. */
  public static class PoolOfOneDataSource implements ServerSetupTask {
    private static final String NAME = "KSanctionsPoolOfOneDS";

    @Override
    public void setup(ManagementClient client, String containerId) throws Exception {
      ModelNode read = new ModelNode();
      read.get("operation").set("read-resource");
      read.get("address").add("subsystem", "datasources").add("data-source", "KSanctionsDS");
      ModelNode source = client.getControllerClient().execute(read).get("result");
      ModelNode add = new ModelNode();
      add.get("operation").set("add");
      add.get("address").add("subsystem", "datasources").add("data-source", NAME);
      add.get("jndi-name").set("java:jboss/datasources/" + NAME);
      for (String attribute : List.of("driver-name", "connection-url", "user-name", "password")) {
        add.get(attribute).set(source.get(attribute));
      }
      add.get("min-pool-size").set(1);
      add.get("max-pool-size").set(1);
      add.get("blocking-timeout-wait-millis").set(5000);
      add.get("operation-headers", "allow-resource-service-restart").set(true);
      ModelNode result = client.getControllerClient().execute(add);
      assertThat(result.get("outcome").asString()).as(result.toString()).isEqualTo("success");
    }

    @Override
    public void tearDown(ManagementClient client, String containerId) throws Exception {
      ModelNode remove = new ModelNode();
      remove.get("operation").set("remove");
      remove.get("address").add("subsystem", "datasources").add("data-source", NAME);
      remove.get("operation-headers", "allow-resource-service-restart").set(true);
      client.getControllerClient().execute(remove);
    }
  }
}
