package it.ksanctions.command.domain;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A department of the command or an operating unit inside one (seed 001 §11.4 "Struttura
 * organizzativa": Viabilità, ZTL, Amministrativa, Contenzioso, Servizi esterni). Its code is what
 * staff users carry as their department in the Permissions module, so visibility "own department"
 * and the statistics group records by it.
 *
 * <p>Rules: the code (2-20 upper-case letters, digits, _) never changes; units sit under an active
 * department and departments under nothing (one level); a department is deactivated, never deleted,
 * and not while it still has active members or active units, so nobody is left in a department that
 * no longer exists; {@link #WHOLE_COMMAND} stands for the command as a whole and is never
 * deactivated.
 */
public final class Department {

  /** The command as a whole: the department of staff not assigned to a particular one. */
  public static final String WHOLE_COMMAND = "COMANDO";

  private static final Pattern USERNAME = Pattern.compile("^[a-z0-9][a-z0-9._@-]{2,63}$");

  private final String code;
  private final DepartmentKind kind;
  private String name;
  private String parentCode;
  private String headUsername;
  private boolean active;

  private Department(String code, DepartmentKind kind) {
    this.code = code;
    this.kind = kind;
  }

  /**
   * A new, active department or unit.
   *
   * @param parent the department a unit belongs to; null for a department
   * @param headUsername the staff user who heads it, optional
   */
  public static Department create(
      String code, String name, DepartmentKind kind, Department parent, String headUsername) {
    if (kind == null) {
      throw new CommandRuleException(
          "command.organisation.department.kind-required",
          "Indicare se si tratta di un reparto o di un'unità operativa.");
    }
    Department department =
        new Department(
            OrganisationText.code(code, "command.organisation.department.code-invalid", "reparto"),
            kind);
    department.active = true;
    department.apply(name, parent, headUsername);
    return department;
  }

  /** A department as stored: no rule is applied. */
  public static Department restore(
      String code,
      String name,
      DepartmentKind kind,
      String parentCode,
      String headUsername,
      boolean active) {
    Department department = new Department(code, kind);
    department.name = name;
    department.parentCode = parentCode;
    department.headUsername = headUsername;
    department.active = active;
    return department;
  }

  /** Changes name, parent (units only) and head of an active department. */
  public void change(String name, Department parent, String headUsername) {
    if (!active) {
      throw new CommandRuleException(
          "command.organisation.department.inactive",
          "Il reparto " + code + " è disattivato: riattivarlo prima di modificarlo.");
    }
    apply(name, parent, headUsername);
  }

  private void apply(String newName, Department parent, String newHead) {
    String checkedName =
        OrganisationText.name(
            newName, 2, 100, "command.organisation.department.name-invalid", "il nome del reparto");
    String checkedParent = checkParent(parent);
    String checkedHead = head(newHead);
    name = checkedName;
    parentCode = checkedParent;
    headUsername = checkedHead;
  }

  private String checkParent(Department parent) {
    if (kind == DepartmentKind.DEPARTMENT) {
      if (parent != null) {
        throw new CommandRuleException(
            "command.organisation.department.parent-not-allowed",
            "Un reparto non sta sotto un altro reparto: solo le unità operative hanno un reparto"
                + " di appartenenza.");
      }
      return null;
    }
    if (parent == null) {
      throw new CommandRuleException(
          "command.organisation.department.parent-required",
          "Un'unità operativa appartiene a un reparto: indicarlo.");
    }
    if (parent.kind != DepartmentKind.DEPARTMENT || parent.code.equals(code)) {
      throw new CommandRuleException(
          "command.organisation.department.parent-level",
          parent.code
              + " è un'unità operativa: un'unità appartiene a un reparto, non a un'altra unità"
              + " (un solo livello).");
    }
    if (!parent.active) {
      throw new CommandRuleException(
          "command.organisation.department.parent-inactive",
          "Il reparto " + parent.code + " è disattivato: scegliere un reparto attivo.");
    }
    return parent.code;
  }

  private static String head(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String username = raw.strip().toLowerCase(Locale.ROOT);
    if (!USERNAME.matcher(username).matches()) {
      throw new CommandRuleException(
          "command.organisation.department.head-invalid",
          "Responsabile non valido («" + raw.strip() + "»): scegliere un utente del comando.");
    }
    return username;
  }

  /**
   * Deactivates the department; it stays in the history and in the records that name it.
   *
   * @param activeMembers staff currently or in future assigned to it, not deactivated
   * @param activeUnits its active operating units
   */
  public void deactivate(long activeMembers, long activeUnits) {
    if (WHOLE_COMMAND.equals(code)) {
      throw new CommandRuleException(
          "command.organisation.department.whole-command",
          "Il reparto COMANDO rappresenta l'intero comando e non si può disattivare.");
    }
    if (!active) {
      throw new CommandRuleException(
          "command.organisation.department.already-inactive",
          "Il reparto " + code + " è già disattivato.");
    }
    if (activeMembers > 0 || activeUnits > 0) {
      StringBuilder what = new StringBuilder();
      if (activeMembers > 0) {
        what.append(activeMembers == 1 ? "1 membro attivo" : activeMembers + " membri attivi");
      }
      if (activeUnits > 0) {
        what.append(what.isEmpty() ? "" : " e ")
            .append(
                activeUnits == 1
                    ? "1 unità operativa attiva"
                    : activeUnits + " unità operative attive");
      }
      throw new CommandRuleException(
          "command.organisation.department.in-use",
          "Il reparto "
              + code
              + " ha ancora "
              + what
              + ": "
              + (activeMembers > 0 ? "assegnare il personale a un altro reparto" : "")
              + (activeMembers > 0 && activeUnits > 0 ? " e " : "")
              + (activeUnits > 0 ? "disattivare le unità" : "")
              + " prima di disattivarlo.");
    }
    active = false;
  }

  /** Reactivates a deactivated department; a unit needs its department active. */
  public void reactivate(Department parent) {
    if (active) {
      throw new CommandRuleException(
          "command.organisation.department.already-active",
          "Il reparto " + code + " è già attivo.");
    }
    if (kind == DepartmentKind.UNIT
        && (parent == null || !parent.code.equals(parentCode) || !parent.active)) {
      throw new CommandRuleException(
          "command.organisation.department.parent-inactive",
          "L'unità "
              + code
              + " appartiene al reparto "
              + parentCode
              + ", che è disattivato: riattivare prima il reparto.");
    }
    active = true;
  }

  /** The department as the configuration register shows it. */
  public String summary() {
    return name
        + " ("
        + kind.italianLabel().toLowerCase(Locale.ITALIAN)
        + (parentCode == null ? "" : " di " + parentCode)
        + (headUsername == null ? "" : ", responsabile " + headUsername)
        + (active ? "" : ", disattivato")
        + ")";
  }

  public String code() {
    return code;
  }

  public String name() {
    return name;
  }

  public DepartmentKind kind() {
    return kind;
  }

  public String parentCode() {
    return parentCode;
  }

  public String headUsername() {
    return headUsername;
  }

  public boolean active() {
    return active;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Department other && other.code.equals(code);
  }

  @Override
  public int hashCode() {
    return Objects.hash(code);
  }
}
