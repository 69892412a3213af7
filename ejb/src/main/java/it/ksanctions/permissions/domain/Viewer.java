package it.ksanctions.permissions.domain;

/** The user looking at records, as visibility policies see them: who and which department. */
public record Viewer(String username, String departmentId) {

  public Viewer {
    if (username == null || username.isBlank()) {
      throw new IllegalArgumentException("A viewer needs a username");
    }
  }
}
