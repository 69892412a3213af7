package it.ksanctions.permissions.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * The status of a staff account (PRM-1) and the transitions between statuses: an active account can
 * be suspended (e.g. long absence) and reactivated; either can be deactivated, which is final,
 * because a deactivated account's history must stay attached to one, unchanging identity (PRM-7).
 */
public enum UserStatus {
  ACTIVE("Attivo"),
  SUSPENDED("Sospeso"),
  DEACTIVATED("Disattivato");

  private final String italianLabel;

  UserStatus(String italianLabel) {
    this.italianLabel = italianLabel;
  }

  public String italianLabel() {
    return italianLabel;
  }

  /** Whether an account in this status may move to {@code target}. */
  public boolean canBecome(UserStatus target) {
    return allowedTargets().contains(target);
  }

  private Set<UserStatus> allowedTargets() {
    return switch (this) {
      case ACTIVE -> EnumSet.of(SUSPENDED, DEACTIVATED);
      case SUSPENDED -> EnumSet.of(ACTIVE, DEACTIVATED);
      case DEACTIVATED -> EnumSet.noneOf(UserStatus.class);
    };
  }
}
