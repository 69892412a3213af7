package it.ksanctions.command.domain;

/**
 * A functional role staff hold in the organisation ("ruoli funzionali", seed 001 §11.4: Agente,
 * Ufficiale, Istruttore amministrativo, Coordinatore…), distinct from the primary role of the
 * Permissions module, which decides what a user may do. The command keeps its own list; an
 * assignment names one of the active ones.
 *
 * <p>The name identifies the role and does not change (create a new role and deactivate the old one
 * instead); a role used by assignments in effect or planned is not deactivated.
 */
public final class FunctionalRole {

  private final String name;
  private String description;
  private boolean active;

  private FunctionalRole(String name) {
    this.name = name;
  }

  public static FunctionalRole create(String name, String description) {
    FunctionalRole role =
        new FunctionalRole(
            OrganisationText.name(
                name,
                2,
                60,
                "command.organisation.role.name-invalid",
                "il nome del ruolo funzionale"));
    role.description = description(description);
    role.active = true;
    return role;
  }

  public static FunctionalRole restore(String name, String description, boolean active) {
    FunctionalRole role = new FunctionalRole(name);
    role.description = description;
    role.active = active;
    return role;
  }

  public void changeDescription(String newDescription) {
    if (!active) {
      throw new CommandRuleException(
          "command.organisation.role.inactive",
          "Il ruolo funzionale «" + name + "» è disattivato: riattivarlo prima di modificarlo.");
    }
    description = description(newDescription);
  }

  /**
   * @param assignmentsInUse assignments in effect or planned that name this role
   */
  public void deactivate(long assignmentsInUse) {
    if (!active) {
      throw new CommandRuleException(
          "command.organisation.role.already-inactive",
          "Il ruolo funzionale «" + name + "» è già disattivato.");
    }
    if (assignmentsInUse > 0) {
      throw new CommandRuleException(
          "command.organisation.role.in-use",
          "Il ruolo funzionale «"
              + name
              + "» è indicato in "
              + (assignmentsInUse == 1
                  ? "1 assegnazione in corso o futura"
                  : assignmentsInUse + " assegnazioni in corso o future")
              + ": cambiarle o chiuderle prima di disattivarlo.");
    }
    active = false;
  }

  public void reactivate() {
    if (active) {
      throw new CommandRuleException(
          "command.organisation.role.already-active",
          "Il ruolo funzionale «" + name + "» è già attivo.");
    }
    active = true;
  }

  private static String description(String raw) {
    return OrganisationText.optional(
        raw, 500, "command.organisation.role.description-too-long", "descrizione");
  }

  public String summary() {
    return name
        + (description == null ? "" : " — " + description)
        + (active ? "" : " (disattivato)");
  }

  public String name() {
    return name;
  }

  public String description() {
    return description;
  }

  public boolean active() {
    return active;
  }
}
