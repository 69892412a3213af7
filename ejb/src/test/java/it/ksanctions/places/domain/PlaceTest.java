package it.ksanctions.places.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlaceTest {

  static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
  static final Coordinates LATINA = Coordinates.of("41.4676", "12.9037");

  static PlaceData data(
      String name, PlaceCategory category, PlaceLevel level, String parent, Coordinates at) {
    return new PlaceData(name, category, null, level, parent, at, "CENTRO", null, null, null, null);
  }

  static PlaceData street(String name) {
    return data(name, PlaceCategory.STREET, PlaceLevel.PLACE, "Z1", LATINA);
  }

  @Nested
  class CoordinatesRules {

    @ParameterizedTest
    @CsvSource({"90.0000001,0", "-90.5,0", "0,180.1", "0,-181"})
    void outsideWgs84IsRefused(String lat, String lon) {
      assertThatThrownBy(() -> Coordinates.of(lat, lon))
          .isInstanceOf(PlaceRuleException.class)
          .extracting(e -> ((PlaceRuleException) e).rule())
          .isEqualTo(PlaceRule.COORDINATES_OUT_OF_RANGE);
    }

    @Test
    void bordersCommasAndTrailingZerosAreAccepted() {
      assertThat(Coordinates.of("90", "-180").latitude()).isEqualByComparingTo("90");
      assertThat(Coordinates.of("41,4676000", "12,9037").latitude())
          .isEqualTo(new BigDecimal("41.4676"));
    }

    @Test
    void moreThanSevenDecimalsOrTextAreRefused() {
      assertThatThrownBy(() -> Coordinates.of("41.46760001", "12.9"))
          .hasMessageContaining("places.coordinates.too-precise");
      assertThatThrownBy(() -> Coordinates.of("nord", "12.9"))
          .hasMessageContaining("places.coordinates.out-of-range");
      assertThatThrownBy(() -> new Coordinates(null, BigDecimal.ONE))
          .hasMessageContaining("places.coordinates.required");
    }

    @Test
    void distanceIsInMetres() {
      // Piazza del Popolo to the cathedral of Latina: about 110 m.
      Coordinates a = Coordinates.of("41.4676", "12.9037");
      Coordinates b = Coordinates.of("41.4666", "12.9035");
      assertThat(a.metresTo(b)).isBetween(105.0, 120.0);
      assertThat(a.metresTo(a)).isZero();
    }
  }

  @Nested
  class Data {

    @Test
    void mandatoryFields() {
      assertThatThrownBy(() -> street(" ")).hasMessageContaining("places.name.required");
      assertThatThrownBy(
              () ->
                  new PlaceData(
                      "Via Roma",
                      null,
                      null,
                      PlaceLevel.PLACE,
                      "Z1",
                      LATINA,
                      null,
                      null,
                      null,
                      null,
                      null))
          .hasMessageContaining("places.category.required");
      assertThatThrownBy(
              () ->
                  new PlaceData(
                      "Via Roma",
                      PlaceCategory.STREET,
                      null,
                      PlaceLevel.PLACE,
                      "Z1",
                      null,
                      null,
                      null,
                      null,
                      null,
                      null))
          .hasMessageContaining("places.coordinates.required");
    }

    @Test
    void onlyTheMunicipalityHasNoParent() {
      assertThatThrownBy(
              () -> data("Latina", PlaceCategory.OTHER, PlaceLevel.MUNICIPALITY, "X", LATINA))
          .hasMessageContaining("places.hierarchy.parent-level");
      assertThatThrownBy(
              () -> data("Via Roma", PlaceCategory.STREET, PlaceLevel.PLACE, null, LATINA))
          .hasMessageContaining("places.hierarchy.parent-level");
      assertThat(
              data("Latina", PlaceCategory.OTHER, PlaceLevel.MUNICIPALITY, null, LATINA)
                  .parentCode())
          .isNull();
    }

    @Test
    void anAutomaticPointNeedsItsRule() {
      assertThatThrownBy(
              () ->
                  data(
                      "Autovelox SS148",
                      PlaceCategory.AUTOMATIC_POINT,
                      PlaceLevel.PLACE,
                      "Z1",
                      LATINA))
          .hasMessageContaining("places.automatic.incomplete");
      PlaceData ok =
          new PlaceData(
              "Autovelox SS148",
              PlaceCategory.AUTOMATIC_POINT,
              "Velocità",
              PlaceLevel.PLACE,
              "Z1",
              LATINA,
              null,
              null,
              null,
              null,
              new AutomaticRule(90, false, null, null));
      assertThat(ok.rule().speedLimitKmh()).isEqualTo(90);
    }
  }

  @Nested
  class Rules {

    @Test
    void speedLimitsAndTimeBands() {
      assertThatThrownBy(() -> new AutomaticRule(null, false, null, null))
          .hasMessageContaining("places.rule.invalid");
      assertThatThrownBy(() -> new AutomaticRule(200, false, null, null))
          .hasMessageContaining("places.rule.invalid");
      assertThatThrownBy(() -> new AutomaticRule(null, true, LocalTime.of(7, 0), null))
          .hasMessageContaining("places.rule.invalid");
      AutomaticRule ztl = new AutomaticRule(null, true, LocalTime.of(20, 0), LocalTime.of(6, 0));
      assertThat(ztl.appliesAt(LocalTime.of(23, 30))).isTrue();
      assertThat(ztl.appliesAt(LocalTime.of(5, 59))).isTrue();
      assertThat(ztl.appliesAt(LocalTime.of(6, 0))).isFalse();
      assertThat(ztl.appliesAt(LocalTime.of(12, 0))).isFalse();
      AutomaticRule day = new AutomaticRule(null, true, LocalTime.of(8, 0), LocalTime.of(20, 0));
      assertThat(day.appliesAt(LocalTime.of(8, 0))).isTrue();
      assertThat(day.appliesAt(LocalTime.of(20, 0))).isFalse();
      assertThat(new AutomaticRule(50, false, null, null).appliesAt(LocalTime.MIDNIGHT)).isTrue();
    }
  }

  @Nested
  class Versions {

    @Test
    void aChangeToAnActivePlaceAddsAVersionAndKeepsTheOldOne() {
      Place place = Place.create("vr-001", street("Via Roma"), "admin.latina", T0);
      assertThat(place.code()).isEqualTo("VR-001");
      Place.Version v2 =
          place.change(
              street("Via Roma (tratto nord)"),
              "admin.latina",
              T0.plusSeconds(60),
              "Rettifica toponimo");
      assertThat(v2.number()).isEqualTo(2);
      assertThat(place.versions())
          .extracting(v -> v.data().name())
          .containsExactly("Via Roma", "Via Roma (tratto nord)");
      assertThat(place.current().name()).isEqualTo("Via Roma (tratto nord)");
      assertThatThrownBy(
              () -> place.change(street("Via Roma (tratto nord)"), "admin.latina", T0, "x"))
          .hasMessageContaining("places.no-change");
      assertThatThrownBy(() -> place.change(street("Via Roma 2"), "admin.latina", T0, " "))
          .hasMessageContaining("places.reason.required");
    }

    @Test
    void deactivatedNotDeletedAndThenFrozen() {
      Place place = Place.create("VR-001", street("Via Roma"), "admin.latina", T0);
      assertThatThrownBy(() -> place.ensureDeletable(2)).hasMessageContaining("places.in-use");
      place.ensureDeletable(0);
      place.deactivate("Strada chiusa");
      assertThat(place.status()).isEqualTo(PlaceStatus.INACTIVE);
      assertThatThrownBy(() -> place.change(street("Via Roma 2"), "a", T0, "x"))
          .hasMessageContaining("places.inactive");
      assertThatThrownBy(() -> place.deactivate("ancora")).hasMessageContaining("places.inactive");
      assertThatThrownBy(place::ensureUsableByAutomaticDevice)
          .hasMessageContaining("places.inactive");
    }

    @ParameterizedTest
    @CsvSource({"a", "''", "VIA ROMA", "TOO-LONG-CODE-0123456789-0123456789"})
    void codesAreShortAndPlain(String code) {
      assertThatThrownBy(() -> Place.create(code, street("Via Roma"), "admin", T0))
          .hasMessageContaining("places.code.invalid");
    }
  }

  @Nested
  class Catalogue {

    final Place municipality =
        Place.create(
            "LT",
            data("Latina", PlaceCategory.OTHER, PlaceLevel.MUNICIPALITY, null, LATINA),
            "a",
            T0);
    final Place area =
        Place.create(
            "A1", data("Centro", PlaceCategory.OTHER, PlaceLevel.AREA, "LT", LATINA), "a", T0);
    final Place zone =
        Place.create(
            "Z1",
            data("Centro storico", PlaceCategory.ZTL, PlaceLevel.ZONE, "A1", LATINA),
            "a",
            T0);

    @Test
    void theParentIsTheActivePlaceOneLevelUp() {
      PlaceCatalogueRules.check(null, street("Via Roma"), zone, List.of());
      assertThatThrownBy(() -> PlaceCatalogueRules.check(null, street("Via Roma"), area, List.of()))
          .hasMessageContaining("places.hierarchy.parent-level");
      assertThatThrownBy(() -> PlaceCatalogueRules.check(null, street("Via Roma"), null, List.of()))
          .hasMessageContaining("places.hierarchy.parent-level");
      zone.deactivate("Soppressa");
      assertThatThrownBy(() -> PlaceCatalogueRules.check(null, street("Via Roma"), zone, List.of()))
          .hasMessageContaining("places.hierarchy.parent-level");
      PlaceCatalogueRules.check(null, municipality.current(), null, List.of());
    }

    @Test
    void namesAreUniqueInZoneAndCategoryAndSamePositionIsADuplicate() {
      Place roma = Place.create("VR-001", street("Via Roma"), "a", T0);
      assertThatThrownBy(
              () -> PlaceCatalogueRules.check(null, street("via  ROMA"), zone, List.of(roma)))
          .hasMessageContaining("places.name.taken");
      // The same place changing itself is no conflict.
      PlaceCatalogueRules.check("VR-001", street("Via Roma"), zone, List.of(roma));
      // Same name, other category, same spot: a duplicate position.
      PlaceData parking =
          data(
              "Via Roma",
              PlaceCategory.PARKING_AREA,
              PlaceLevel.PLACE,
              "Z1",
              Coordinates.of("41.46761", "12.90371"));
      assertThatThrownBy(() -> PlaceCatalogueRules.check(null, parking, zone, List.of(roma)))
          .hasMessageContaining("places.position.duplicate");
      // Same name, other category, 200 m away: allowed.
      PlaceData far =
          data(
              "Via Roma",
              PlaceCategory.PARKING_AREA,
              PlaceLevel.PLACE,
              "Z1",
              Coordinates.of("41.4694", "12.9037"));
      PlaceCatalogueRules.check(null, far, zone, List.of(roma));
      // A deactivated place frees its name.
      roma.deactivate("Rinominata");
      PlaceCatalogueRules.check(null, street("Via Roma"), zone, List.of(roma));
    }
  }
}
