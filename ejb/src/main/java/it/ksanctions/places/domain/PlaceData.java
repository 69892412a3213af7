package it.ksanctions.places.domain;

import java.util.Locale;

/**
 * What describes a place at one time (PLC-1): official name, category and subcategory, level and
 * parent in the hierarchy, WGS84 coordinates, zone, description and notes, external reference (GIS
 * id, municipal code), and for automatic detection points the rule applied. Mandatory: name,
 * category, level, coordinates (PLC-3).
 */
public record PlaceData(
    String name,
    PlaceCategory category,
    String subcategory,
    PlaceLevel level,
    String parentCode,
    Coordinates coordinates,
    String zone,
    String description,
    String notes,
    String externalReference,
    AutomaticRule rule) {

  public PlaceData {
    name = text(name);
    if (name == null || name.length() > 200) {
      throw new PlaceRuleException(PlaceRule.NAME_REQUIRED, "name '" + name + "'");
    }
    if (category == null) {
      throw new PlaceRuleException(PlaceRule.CATEGORY_REQUIRED, name);
    }
    if (level == null) {
      throw new PlaceRuleException(PlaceRule.PARENT_LEVEL, "level missing for " + name);
    }
    if (coordinates == null) {
      throw new PlaceRuleException(PlaceRule.COORDINATES_REQUIRED, name);
    }
    parentCode = text(parentCode);
    if ((level == PlaceLevel.MUNICIPALITY) != (parentCode == null)) {
      throw new PlaceRuleException(
          PlaceRule.PARENT_LEVEL,
          level == PlaceLevel.MUNICIPALITY
              ? "the municipality has no parent"
              : level + " " + name + " needs its parent");
    }
    if (category == PlaceCategory.AUTOMATIC_POINT && rule == null) {
      throw new PlaceRuleException(PlaceRule.AUTOMATIC_POINT_INCOMPLETE, "no rule for " + name);
    }
    subcategory = text(subcategory);
    zone = text(zone);
    description = text(description);
    notes = text(notes);
    externalReference = text(externalReference);
  }

  /** The name as compared for uniqueness: case and repeated blanks ignored. */
  public String comparableName() {
    return name.toLowerCase(Locale.ITALIAN).replaceAll("\\s+", " ");
  }

  private static String text(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
