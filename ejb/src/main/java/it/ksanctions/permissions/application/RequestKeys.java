package it.ksanctions.permissions.application;

import it.ksanctions.permissions.infrastructure.RequestKeyRow;
import jakarta.persistence.EntityManager;
import java.util.Optional;

/** Idempotency of creating requests: the outcome of a request key already carried out. */
final class RequestKeys {

  private RequestKeys() {}

  static Optional<String> outcome(EntityManager em, String key) {
    if (key == null || key.isBlank()) {
      return Optional.empty();
    }
    return Optional.ofNullable(em.find(RequestKeyRow.class, key.strip()))
        .map(RequestKeyRow::outcome);
  }

  static void remember(EntityManager em, String key, String outcome) {
    if (key != null && !key.isBlank()) {
      em.persist(new RequestKeyRow(key.strip(), outcome));
    }
  }
}
