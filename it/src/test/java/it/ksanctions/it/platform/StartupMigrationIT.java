package it.ksanctions.it.platform;

import static org.assertj.core.api.Assertions.assertThat;

import it.ksanctions.it.support.Deployments;
import it.ksanctions.it.support.TestStack;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Upgrades at start-up: tenants onboarded with one release are migrated when the next release
 * starts (here: the same EAR plus a library carrying tenant migration V900). The upgrade fails on
 * purpose for one tenant, which is reported as FAILED while the others reach the new version.
 */
@ExtendWith(ArquillianExtension.class)
class StartupMigrationIT {

  static final String TAX_CODE = "00514490010";

  @ArquillianResource Deployer deployer;

  @Deployment(name = "release-1", managed = false, testable = false)
  static EnterpriseArchive releaseOne() {
    return Deployments.productionEar("release-1.ear");
  }

  @Deployment(name = "release-2", managed = false, testable = false)
  static EnterpriseArchive releaseTwo() {
    JavaArchive upgrade =
        ShrinkWrap.create(JavaArchive.class, "it-upgrade.jar")
            .addAsResource(
                "it-upgrade/db/tenant/V900__it_upgrade.sql", "db/tenant/V900__it_upgrade.sql");
    return Deployments.productionEar("release-2.ear").addAsLibrary(upgrade);
  }

  @Test
  void nextReleaseMigratesEveryTenantAndReportsTheOneThatFails() throws Exception {
    deployer.deploy("release-1");
    try {
      for (String slug : List.of("mig-alfa", "mig-beta", "mig-broken")) {
        HttpResponse<String> created =
            TestStack.platform()
                .onboard(slug, "Comune " + slug, "COMUNE", TAX_CODE, null, List.of());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body())
            .contains("\"schemaVersion\":\"" + Deployments.latestTenantMigration() + "\"");
      }
    } finally {
      deployer.undeploy("release-1");
    }

    deployer.deploy("release-2");
    try {
      for (String slug : List.of("mig-alfa", "mig-beta")) {
        String body = TestStack.platform().get("/api/platform/tenants/" + slug).body();
        assertThat(body).contains("\"migrationStatus\":\"CURRENT\"", "\"schemaVersion\":\"900\"");
        assertThat(appliedVersions(slug)).contains("900");
      }
      String broken = TestStack.platform().get("/api/platform/tenants/mig-broken").body();
      assertThat(broken)
          .contains(
              "\"migrationStatus\":\"FAILED\"",
              "simulated failure of the upgrade",
              "\"status\":\"ACTIVE\"")
          .doesNotContain("\"schemaVersion\":\"900\"");
      assertThat(appliedVersions("mig-broken")).doesNotContain("900");
      // The tenants that migrated keep serving.
      assertThat(TestStack.get("/t/mig-alfa/").statusCode()).isEqualTo(200);
    } finally {
      deployer.undeploy("release-2");
    }
  }

  /** Versions recorded in a tenant's Flyway history, read with the tenant's own role. */
  private static List<String> appliedVersions(String slug) throws Exception {
    String schema = "t_" + slug.replace('-', '_');
    try (Connection db = TestStack.database();
        Statement sql = db.createStatement()) {
      sql.execute("set role " + schema);
      try (ResultSet rs =
          sql.executeQuery(
              "select version from "
                  + schema
                  + ".flyway_schema_history where success order by installed_rank")) {
        List<String> versions = new java.util.ArrayList<>();
        while (rs.next()) {
          versions.add(rs.getString(1));
        }
        return versions;
      }
    }
  }
}
