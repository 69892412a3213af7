package it.ksanctions.places.domain;

import java.util.Collection;
import java.util.Objects;

/**
 * The rules a place must keep with the others of its command (PLC-2, PLC-6, PLC-8): its parent is
 * the active place one level up; names are unique among active places of the same zone and
 * category; the same name at (almost) the same position is a duplicate.
 */
public final class PlaceCatalogueRules {

  /** Two positions closer than this are the same point (GPS error of a street survey). */
  public static final double SAME_POSITION_METRES = 5.0;

  private PlaceCatalogueRules() {}

  /** Checks {@code data} for the place {@code code} (null when new) against the other places. */
  public static void check(String code, PlaceData data, Place parent, Collection<Place> others) {
    if (data.level() != PlaceLevel.MUNICIPALITY) {
      if (parent == null
          || parent.status() != PlaceStatus.ACTIVE
          || parent.current().level() != data.level().parentLevel()) {
        throw new PlaceRuleException(
            PlaceRule.PARENT_LEVEL,
            data.level()
                + " "
                + data.name()
                + " must be inside an active "
                + data.level().parentLevel()
                + (parent == null
                    ? ""
                    : ", not " + parent.current().level() + " " + parent.code()));
      }
    }
    for (Place other : others) {
      if (other.status() != PlaceStatus.ACTIVE || other.code().equals(code)) {
        continue;
      }
      PlaceData them = other.current();
      if (them.comparableName().equals(data.comparableName())) {
        if (them.category() == data.category() && Objects.equals(them.zone(), data.zone())) {
          throw new PlaceRuleException(
              PlaceRule.NAME_TAKEN, data.name() + " (" + other.code() + ")");
        }
        if (them.coordinates().metresTo(data.coordinates()) < SAME_POSITION_METRES) {
          throw new PlaceRuleException(
              PlaceRule.DUPLICATE_POSITION, data.name() + " (" + other.code() + ")");
        }
      }
    }
  }
}
