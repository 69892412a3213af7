package it.ksanctions.permissions.domain;

import static it.ksanctions.permissions.domain.AppAction.ACCESS;
import static it.ksanctions.permissions.domain.AppAction.CREATE;
import static it.ksanctions.permissions.domain.AppAction.DELETE_LOGICAL;
import static it.ksanctions.permissions.domain.AppAction.EDIT;
import static it.ksanctions.permissions.domain.AppAction.EXPORT_NOTIFY;
import static it.ksanctions.permissions.domain.AppAction.MANAGE_CONFIGURATION;
import static it.ksanctions.permissions.domain.AppAction.READ_LOGS;
import static it.ksanctions.permissions.domain.AppAction.VALIDATE;
import static it.ksanctions.permissions.domain.AppModule.APPEALS;
import static it.ksanctions.permissions.domain.AppModule.ARTICLES;
import static it.ksanctions.permissions.domain.AppModule.AUDIT;
import static it.ksanctions.permissions.domain.AppModule.COMMAND;
import static it.ksanctions.permissions.domain.AppModule.DEVICES;
import static it.ksanctions.permissions.domain.AppModule.NOTIFICATIONS;
import static it.ksanctions.permissions.domain.AppModule.PAYMENTS;
import static it.ksanctions.permissions.domain.AppModule.PERMISSIONS;
import static it.ksanctions.permissions.domain.AppModule.PLACES;
import static it.ksanctions.permissions.domain.AppModule.PORTAL;
import static it.ksanctions.permissions.domain.AppModule.PRE_NOTICES;
import static it.ksanctions.permissions.domain.AppModule.STATISTICS;
import static it.ksanctions.permissions.domain.AppModule.VERBALI;

import java.util.EnumSet;
import java.util.Set;

/**
 * The predefined roles of PRM-2 with the permissions and visibility each starts with, derived from
 * the one-line descriptions of seed §11.3 "Ruoli e profili" and "Policy di visibilità". Where the
 * seed is silent we grant less, not more: a command widens a role by duplicating it.
 *
 * <ul>
 *   <li><b>System administrator</b> ("accesso completo a tutte le aree e funzioni di
 *       configurazione"): every action on every module; sees the whole command.
 *   <li><b>Command manager</b> ("gestione delle impostazioni operative, verbali, articoli e
 *       dispositivi"; "i responsabili possono consultare tutte le infrazioni"): every action but
 *       log reading on COMMAND, PLACES, ARTICLES and VERBALI; on DEVICES access, registration of
 *       data downloads and export, because seed §11.1 and DEV-9 reserve the configuration and
 *       deactivation of devices to the Administrator and the Technical manager; access to every
 *       other module except PERMISSIONS and AUDIT, which are security administration (the seed
 *       gives the audit log to administrators and auditors only); export of statistics; whole
 *       command.
 *   <li><b>Instructor</b> ("validazione e gestione dei preavvisi e verbali, generazione stampe e
 *       notifiche"): access, create, edit, validate, logical delete and export/notify on
 *       PRE_NOTICES and VERBALI; access, create, edit and export/notify on NOTIFICATIONS; access to
 *       the reference data (ARTICLES, PLACES, DEVICES) needed to validate; own department.
 *   <li><b>Field officer</b> ("utilizzo dell'app mobile, registrazione preavvisi e accertamenti"):
 *       access, create and edit on PRE_NOTICES; access and create on VERBALI (accertamenti); access
 *       to ARTICLES, PLACES, DEVICES; never validate, delete or export; own records only.
 *   <li><b>Administrative operator</b> ("gestione pratiche, ricorsi, protocolli, stampe e
 *       statistiche"): access, create, edit, logical delete and export/notify on APPEALS; access,
 *       create, edit on PAYMENTS; access, create, edit and export/notify on NOTIFICATIONS; access
 *       and export (prints) on VERBALI and STATISTICS; access to PORTAL; whole command, because
 *       files reach the back office from every department.
 *   <li><b>Auditor</b> (read-only, PRM-2 and PRM-6): access and log reading on every module,
 *       nothing that changes data, never export; every record read-only without export.
 *   <li><b>Technical manager</b> (SPEC PRM-2; the "tecnico" profile of the Command module): access,
 *       create, edit, logical delete, configuration and log reading on DEVICES and PLACES; access
 *       and configuration on PORTAL; no sanction data, so own records only.
 * </ul>
 *
 * Constant names are the role codes stored for users and in the audit log: never rename them.
 */
public enum PredefinedRole {
  SYSTEM_ADMINISTRATOR(
      "Amministratore di sistema", PermissionSet.everything(), VisibilityScope.WHOLE_COMMAND),
  COMMAND_MANAGER("Responsabile del comando", commandManager(), VisibilityScope.WHOLE_COMMAND),
  INSTRUCTOR("Istruttore", instructor(), VisibilityScope.OWN_DEPARTMENT),
  FIELD_OFFICER("Agente accertatore", fieldOfficer(), VisibilityScope.OWN_RECORDS),
  ADMINISTRATIVE_OPERATOR(
      "Operatore amministrativo", administrativeOperator(), VisibilityScope.WHOLE_COMMAND),
  AUDITOR(
      "Revisore (auditor)",
      PermissionSet.on(EnumSet.allOf(AppModule.class), EnumSet.of(ACCESS, READ_LOGS)),
      VisibilityScope.READ_ONLY_NO_EXPORT),
  TECHNICAL_MANAGER("Responsabile tecnico", technicalManager(), VisibilityScope.OWN_RECORDS);

  private final String italianLabel;
  private final PermissionSet defaultPermissions;
  private final VisibilityScope defaultVisibility;

  PredefinedRole(
      String italianLabel, PermissionSet defaultPermissions, VisibilityScope defaultVisibility) {
    this.italianLabel = italianLabel;
    this.defaultPermissions = defaultPermissions;
    this.defaultVisibility = defaultVisibility;
  }

  /** The role's name in the UI, also the name a predefined role has in every command. */
  public String italianLabel() {
    return italianLabel;
  }

  /** The role code, as stored: the constant name. */
  public String code() {
    return name();
  }

  public PermissionSet defaultPermissions() {
    return defaultPermissions;
  }

  public VisibilityScope defaultVisibility() {
    return defaultVisibility;
  }

  private static PermissionSet commandManager() {
    Set<AppAction> allButLogs = EnumSet.complementOf(EnumSet.of(READ_LOGS));
    Set<AppModule> managed = EnumSet.of(COMMAND, PLACES, ARTICLES, VERBALI);
    Set<AppModule> consulted = EnumSet.complementOf(EnumSet.of(PERMISSIONS, AUDIT));
    return PermissionSet.on(managed, allButLogs)
        .union(PermissionSet.on(consulted, EnumSet.of(ACCESS)))
        // DEV-9: configuring and deactivating devices is for administrators and technical
        // managers; the command manager monitors them and registers data downloads.
        .union(PermissionSet.on(DEVICES, ACCESS, CREATE, EXPORT_NOTIFY))
        .union(PermissionSet.on(STATISTICS, EXPORT_NOTIFY));
  }

  private static PermissionSet instructor() {
    return PermissionSet.on(
            EnumSet.of(PRE_NOTICES, VERBALI),
            EnumSet.of(ACCESS, CREATE, EDIT, VALIDATE, DELETE_LOGICAL, EXPORT_NOTIFY))
        .union(PermissionSet.on(NOTIFICATIONS, ACCESS, CREATE, EDIT, EXPORT_NOTIFY))
        .union(PermissionSet.on(EnumSet.of(ARTICLES, PLACES, DEVICES), EnumSet.of(ACCESS)));
  }

  private static PermissionSet fieldOfficer() {
    return PermissionSet.on(PRE_NOTICES, ACCESS, CREATE, EDIT)
        .union(PermissionSet.on(VERBALI, ACCESS, CREATE))
        .union(PermissionSet.on(EnumSet.of(ARTICLES, PLACES, DEVICES), EnumSet.of(ACCESS)));
  }

  private static PermissionSet administrativeOperator() {
    return PermissionSet.on(APPEALS, ACCESS, CREATE, EDIT, DELETE_LOGICAL, EXPORT_NOTIFY)
        .union(PermissionSet.on(PAYMENTS, ACCESS, CREATE, EDIT))
        .union(PermissionSet.on(NOTIFICATIONS, ACCESS, CREATE, EDIT, EXPORT_NOTIFY))
        .union(PermissionSet.on(EnumSet.of(VERBALI, STATISTICS), EnumSet.of(ACCESS, EXPORT_NOTIFY)))
        .union(PermissionSet.on(PORTAL, ACCESS));
  }

  private static PermissionSet technicalManager() {
    return PermissionSet.on(
            EnumSet.of(DEVICES, PLACES),
            EnumSet.of(ACCESS, CREATE, EDIT, DELETE_LOGICAL, MANAGE_CONFIGURATION, READ_LOGS))
        .union(PermissionSet.on(PORTAL, ACCESS, MANAGE_CONFIGURATION));
  }
}
