package it.ksanctions.places.application;

import it.ksanctions.places.domain.Place;
import it.ksanctions.places.infrastructure.PlaceRow;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The current tenant's coded places as the Places context publishes them to the other contexts,
 * without authorisation checks (the callers' use cases are authorised): domain {@link Place}s and
 * the zones they name, each read in one query whatever their number, so that a hot path never loads
 * them one by one.
 */
@Stateless
public class PlaceDirectory {

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  /**
   * The places created or changed after {@code since}, in any status, with all their versions, by
   * code, in one query: what the mobile app downloads at each synchronisation (DEV-2).
   */
  public List<Place> changedSince(Instant since) {
    return em
        .createQuery(
            "select distinct p from PlaceRow p left join fetch p.versions where p.updatedAt >"
                + " :since order by p.code",
            PlaceRow.class)
        .setParameter("since", since)
        .getResultList()
        .stream()
        .map(PlaceRow::toDomain)
        .toList();
  }

  /** The place {@code code} with all its versions, if the current tenant has it. */
  public java.util.Optional<Place> place(String code) {
    if (code == null || code.isBlank()) {
      return java.util.Optional.empty();
    }
    return em
        .createQuery(
            "select distinct p from PlaceRow p left join fetch p.versions where p.code = :code",
            PlaceRow.class)
        .setParameter("code", code.strip().toUpperCase(Locale.ROOT))
        .getResultList()
        .stream()
        .findFirst()
        .map(PlaceRow::toDomain);
  }

  /**
   * The zones the coded places name (in any version), once each however they are capitalised,
   * without surrounding blanks, sorted; blank zones are left out.
   */
  public List<String> zonesInUse() {
    Map<String, String> zones = new TreeMap<>();
    for (String zone :
        em.createQuery(
                "select distinct v.zone from PlaceVersionRow v where v.zone is not null",
                String.class)
            .getResultList()) {
      if (!zone.isBlank()) {
        zones.putIfAbsent(zone.strip().toLowerCase(Locale.ITALIAN), zone.strip());
      }
    }
    return List.copyOf(zones.values());
  }
}
