package it.ksanctions.it.permissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ksanctions.it.support.Deployments;
import it.ksanctions.permissions.application.AccessDeniedException;
import it.ksanctions.permissions.application.AdministrationException;
import it.ksanctions.permissions.application.AuditTrail;
import it.ksanctions.permissions.application.CurrentStaff;
import it.ksanctions.permissions.application.PermissionsAdministration;
import it.ksanctions.permissions.application.PermissionsAdministration.NewUser;
import it.ksanctions.permissions.domain.AppAction;
import it.ksanctions.permissions.domain.AppModule;
import it.ksanctions.permissions.domain.AuditChainVerification;
import it.ksanctions.permissions.domain.AuditEvent;
import it.ksanctions.permissions.domain.AuditOperation;
import it.ksanctions.permissions.domain.Permission;
import it.ksanctions.permissions.domain.PredefinedRoleProtectedException;
import it.ksanctions.permissions.domain.RoleInUseException;
import it.ksanctions.permissions.domain.SecurityChangeKind;
import it.ksanctions.permissions.domain.SecurityHistoryEntry;
import it.ksanctions.permissions.domain.UnconfirmedSecurityChangeException;
import it.ksanctions.permissions.domain.UserStatus;
import it.ksanctions.platform.application.TenantOnboarding;
import it.ksanctions.platform.domain.OnboardingRequest;
import it.ksanctions.shared.CodiceFiscale;
import it.ksanctions.tenancy.context.TenantId;
import it.ksanctions.tenancy.context.TenantScope;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.zip.ZipEntry;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Permissions module's services in the server (PRM-1..8): the first administrator recorded at
 * onboarding may do everything; roles are duplicated and their matrix changed only with a
 * confirmation and a reason, into the security history; a field officer is refused by the one
 * authorisation mechanism; a suspended user is refused everything; the audit log is searched,
 * exported as CSV and Excel, verified, and its retention set.
 */
@ExtendWith(ArquillianExtension.class)
class PermissionsInContainerIT {

  static final String TENANT = "perm-alfa";
  static final String ADMIN = "admin." + TENANT;

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.shared();
  }

  @Inject TenantOnboarding onboarding;
  @Inject PermissionsAdministration administration;
  @Inject AuditTrail trail;
  @Inject CurrentStaff currentStaff;
  @Inject it.ksanctions.permissions.application.AuditLog auditLog;
  @Inject it.ksanctions.permissions.application.AuditRetention retention;

  @Test
  void administrationRolesMatrixAndAudit() throws Exception {
    onboarding.onboard(
        OnboardingRequest.validated(
            TENANT, "Comune di Permessi", "COMUNE", "00097020598", null, List.of()));
    try (TenantScope scope = TenantScope.enter(TenantId.of(TENANT))) {
      currentStaff.signIn(ADMIN);
      assertThat(administration.users(null, null))
          .singleElement()
          .satisfies(u -> assertThat(u.roleCode()).isEqualTo("SYSTEM_ADMINISTRATOR"));

      // A derived role, then its matrix row: refused without confirmation, kept in the history.
      administration.duplicateRole("FIELD_OFFICER", "AGENTE_ZTL", "Agente ZTL", "Delibera 12/2026");
      List<Permission> wanted =
          List.of(
              Permission.of(AppModule.PRE_NOTICES, AppAction.ACCESS),
              Permission.of(AppModule.PLACES, AppAction.ACCESS));
      assertThatThrownBy(
              () -> administration.changePermissions("AGENTE_ZTL", wanted, "Riduzione", false))
          .isInstanceOf(UnconfirmedSecurityChangeException.class);
      assertThat(
              administration
                  .changePermissions("AGENTE_ZTL", wanted, "Riduzione", true)
                  .permissions()
                  .size())
          .isEqualTo(2);
      assertThatThrownBy(
              () -> administration.changePermissions("FIELD_OFFICER", wanted, "Non si può", true))
          .isInstanceOf(PredefinedRoleProtectedException.class);
      List<SecurityHistoryEntry> history = administration.history("AGENTE_ZTL");
      assertThat(history)
          .extracting(SecurityHistoryEntry::change)
          .containsExactly(
              SecurityChangeKind.ROLE_PERMISSIONS_CHANGED, SecurityChangeKind.ROLE_CREATED);
      assertThat(history.get(0).author()).isEqualTo(ADMIN);
      assertThat(history.get(0).reason()).isEqualTo("Riduzione");

      // A field officer with the derived role: created (Keycloak account too), then refused.
      String taxCode = "BNCLRA80A41E472" + CodiceFiscale.checkCharacterOf("BNCLRA80A41E472");
      var created =
          administration.createUser(
              new NewUser("laura.bianchi", "Laura", "Bianchi", taxCode, null, "ZTL", "AGENTE_ZTL"),
              "perm-alfa-laura");
      assertThat(created.temporaryPassword()).isNotBlank();
      assertThat(
              administration
                  .createUser(
                      new NewUser(
                          "laura.bianchi", "Laura", "Bianchi", taxCode, null, "ZTL", "AGENTE_ZTL"),
                      "perm-alfa-laura")
                  .temporaryPassword())
          .as("the same request again creates nothing")
          .isNull();
      assertThatThrownBy(() -> administration.deleteRole("AGENTE_ZTL", "Non più usato", true))
          .isInstanceOf(RoleInUseException.class);

      currentStaff.signIn("laura.bianchi");
      assertThatThrownBy(() -> administration.users(null, null))
          .isInstanceOf(AccessDeniedException.class)
          .hasMessageContaining("not granted ACCESS on PERMISSIONS");
      assertThatThrownBy(() -> trail.search(AuditTrail.Filter.all()))
          .isInstanceOf(AccessDeniedException.class);

      currentStaff.signIn(ADMIN);
      assertThatThrownBy(() -> administration.changeStatus(ADMIN, UserStatus.SUSPENDED, "Prova"))
          .isInstanceOf(AdministrationException.class);
      administration.changeStatus("laura.bianchi", UserStatus.SUSPENDED, "Aspettativa");
      currentStaff.signIn("laura.bianchi");
      assertThatThrownBy(() -> administration.roles())
          .isInstanceOf(AccessDeniedException.class)
          .hasMessageContaining("is SUSPENDED");

      // The audit log: what happened is there, searchable, exportable, verifiable.
      currentStaff.signIn(ADMIN);
      List<AuditEvent> creations =
          trail.search(
              new AuditTrail.Filter(
                  null, null, ADMIN, AppModule.PERMISSIONS, AuditOperation.CHANGE, "laura"));
      assertThat(creations)
          .extracting(AuditEvent::function)
          .containsExactly("Stato utente: Sospeso", "Creazione utente");
      String csv = new String(trail.exportCsv(AuditTrail.Filter.all()), StandardCharsets.UTF_8);
      assertThat(csv)
          .startsWith("\uFEFFN.;Data e ora;Utente;Ruolo;Modulo;Funzione;Operazione;Riferimento")
          .contains(";" + ADMIN + ";SYSTEM_ADMINISTRATOR;Permessi;Creazione utente;Modifica;")
          .contains("Consultazione registro");
      byte[] xlsx = trail.exportExcel(AuditTrail.Filter.all());
      assertThat(xlsxText(xlsx))
          .contains("Registro di audit", "Creazione utente", "Esportazione CSV");
      AuditChainVerification verification = trail.verify();
      assertThat(verification.isIntact()).isTrue();
      assertThat(verification.verifiedEvents()).isGreaterThanOrEqualTo(8);

      assertThat(trail.retentionYears()).isEqualTo(AuditTrail.DEFAULT_RETENTION_YEARS);
      assertThatThrownBy(() -> trail.changeRetention(2))
          .isInstanceOf(AdministrationException.class);
      trail.changeRetention(12);
      assertThat(trail.retentionYears()).isEqualTo(12);
    }
  }

  @Test
  void retentionRemovesOldEventsAndTheChainStillVerifies() {
    String tenant = "perm-beta";
    onboarding.onboard(
        OnboardingRequest.validated(
            tenant, "Comune di Conservazione", "COMUNE", "00097020598", null, List.of()));
    TenantId id = TenantId.of(tenant);
    try (TenantScope scope = TenantScope.enter(id)) {
      Instant old = Instant.now().minus(java.time.Duration.ofDays(365L * 11));
      for (int i = 0; i < 3; i++) {
        auditLog.append(action(old.plusSeconds(i), "Evento vecchio " + i));
      }
      auditLog.append(action(Instant.now(), "Evento recente"));
      auditLog.append(action(Instant.now(), "Evento recente 2"));
    }
    assertThat(retention.apply(id)).isEqualTo(3);
    assertThat(retention.apply(id)).as("a second run finds nothing").isZero();
    try (TenantScope scope = TenantScope.enter(id)) {
      AuditChainVerification verification = auditLog.verify();
      assertThat(verification.isIntact()).isTrue();
      assertThat(verification.verifiedEvents()).isEqualTo(2);
    }
  }

  private static it.ksanctions.permissions.domain.AuditedAction action(Instant at, String what) {
    return new it.ksanctions.permissions.domain.AuditedAction(
        at,
        "admin.perm-beta",
        "SYSTEM_ADMINISTRATOR",
        AppModule.AUDIT,
        what,
        AuditOperation.READ,
        "");
  }

  /** All the XML text of an xlsx file (sheet names, shared strings, cells), read as Excel does. */
  private static String xlsxText(byte[] xlsx) throws Exception {
    assertThat(new String(xlsx, 0, 2, StandardCharsets.US_ASCII)).isEqualTo("PK");
    java.nio.file.Path file = java.nio.file.Files.createTempFile("audit", ".xlsx");
    StringBuilder text = new StringBuilder();
    try {
      java.nio.file.Files.write(file, xlsx);
      try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
        for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
          if (entry.getName().endsWith(".xml")) {
            text.append(
                new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
          }
        }
      }
    } finally {
      java.nio.file.Files.deleteIfExists(file);
    }
    return text.toString();
  }
}
