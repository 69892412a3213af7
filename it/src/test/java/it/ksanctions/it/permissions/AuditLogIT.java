package it.ksanctions.it.permissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ksanctions.it.support.Causes;
import it.ksanctions.it.support.Deployments;
import it.ksanctions.it.support.TenantProbe;
import it.ksanctions.it.support.TestStack;
import it.ksanctions.permissions.application.AuditLog;
import it.ksanctions.permissions.domain.AppModule;
import it.ksanctions.permissions.domain.AuditChainVerification;
import it.ksanctions.permissions.domain.AuditOperation;
import it.ksanctions.permissions.domain.AuditedAction;
import it.ksanctions.permissions.domain.ChainBreak;
import it.ksanctions.platform.application.TenantOnboarding;
import it.ksanctions.platform.domain.OnboardingRequest;
import it.ksanctions.tenancy.context.TenantId;
import it.ksanctions.tenancy.context.TenantScope;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
 * The audit log as stored (SPEC PRM-5): events appended in one tenant form an intact hash chain;
 * the tenant's own database role cannot change or delete them; a tamper by a privileged session is
 * found, and the verification names the first broken link.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditLogIT {

  static final String TENANT = "aud-alfa";

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.shared();
  }

  @Inject TenantOnboarding onboarding;
  @Inject AuditLog audit;
  @Inject TenantProbe probe;

  private static AuditedAction action(String function, String record) {
    return new AuditedAction(
        Instant.now(),
        "admin." + TENANT,
        "SYSTEM_ADMINISTRATOR",
        AppModule.PERMISSIONS,
        function,
        AuditOperation.CHANGE,
        record);
  }

  @Test
  @Order(1)
  void appendedEventsFormAnIntactChain() {
    onboarding.onboard(
        OnboardingRequest.validated(
            TENANT, "Comune di Audit", "COMUNE", "00097020598", null, List.of()));
    try (TenantScope scope = TenantScope.enter(TenantId.of(TENANT))) {
      List<Long> numbers = new ArrayList<>();
      for (String user : List.of("agente.rossi", "istruttore.bianchi", "agente.verdi")) {
        numbers.add(audit.append(action("Creazione utente", "utente:" + user)).sequenceNumber());
      }
      assertThat(numbers).containsExactly(1L, 2L, 3L);
      AuditChainVerification verification = audit.verify();
      assertThat(verification.isIntact()).isTrue();
      assertThat(verification.verifiedEvents()).isEqualTo(3);
    }
  }

  @Test
  @Order(2)
  void theTenantsOwnRoleCannotChangeOrDeleteAuditEvents() {
    try (TenantScope scope = TenantScope.enter(TenantId.of(TENANT))) {
      for (String statement :
          List.of(
              "update audit_event set username = 'mallory'",
              "delete from audit_event",
              "truncate audit_event")) {
        assertThatThrownBy(() -> probe.execute(statement))
            .as(statement)
            .satisfies(
                e ->
                    assertThat(Causes.of(e))
                        .anyMatch(
                            c -> String.valueOf(c.getMessage()).contains("permission denied")));
      }
      assertThat(audit.verify().verifiedEvents()).isEqualTo(3);
    }
  }

  @Test
  @Order(3)
  @RunAsClient
  void aPrivilegedSessionTampersWithTheSecondEvent() throws Exception {
    // A database session that switches to the audit owner, as a DBA could: the tenant's
    // application role cannot (test 2), so the hash chain is what reveals it.
    try (Connection db = TestStack.database();
        Statement sql = db.createStatement()) {
      sql.execute("set role t_aud_alfa_audit");
      assertThat(
              sql.executeUpdate(
                  "update t_aud_alfa.audit_event set username = 'mallory' where sequence_number = 2"))
          .isEqualTo(1);
    }
  }

  @Test
  @Order(4)
  void verificationReportsTheFirstBrokenLink() {
    try (TenantScope scope = TenantScope.enter(TenantId.of(TENANT))) {
      AuditChainVerification verification = audit.verify();
      assertThat(verification.isIntact()).isFalse();
      assertThat(verification.verifiedEvents()).isEqualTo(1);
      assertThat(verification.firstBrokenLink())
          .hasValueSatisfying(
              link -> {
                assertThat(link.sequenceNumber()).isEqualTo(2);
                assertThat(link.reason()).isEqualTo(ChainBreak.HASH_MISMATCH);
              });
    }
  }
}
