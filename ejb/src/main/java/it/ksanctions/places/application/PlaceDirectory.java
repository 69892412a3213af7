package it.ksanctions.places.application;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the places of the current tenant publish to the other contexts, without authorisation
 * checks: the callers' use cases are authorised.
 */
@Stateless
public class PlaceDirectory {

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

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
