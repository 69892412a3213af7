package it.ksanctions.it.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ksanctions.it.support.Deployments;
import it.ksanctions.permissions.application.AccessDeniedException;
import it.ksanctions.permissions.application.AdministrationException;
import it.ksanctions.permissions.application.CurrentStaff;
import it.ksanctions.permissions.application.PermissionsAdministration;
import it.ksanctions.permissions.application.PermissionsAdministration.NewUser;
import it.ksanctions.places.application.PlacesAdministration;
import it.ksanctions.places.application.PlacesAdministration.Filter;
import it.ksanctions.places.application.PlacesAdministration.PlaceView;
import it.ksanctions.places.domain.AutomaticRule;
import it.ksanctions.places.domain.Coordinates;
import it.ksanctions.places.domain.Place;
import it.ksanctions.places.domain.PlaceCategory;
import it.ksanctions.places.domain.PlaceData;
import it.ksanctions.places.domain.PlaceLevel;
import it.ksanctions.places.domain.PlaceRuleException;
import it.ksanctions.places.domain.PlaceStatus;
import it.ksanctions.platform.application.TenantOnboarding;
import it.ksanctions.platform.domain.OnboardingRequest;
import it.ksanctions.shared.CodiceFiscale;
import it.ksanctions.tenancy.context.TenantId;
import it.ksanctions.tenancy.context.TenantScope;
import jakarta.inject.Inject;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Places in the server (PLC-2, PLC-4, PLC-6): the hierarchy municipality / area / zone / place, a
 * change makes a new version with the old one kept, names unique per zone and category, a zone with
 * active places is not deactivated, a field officer consults but does not change.
 */
@ExtendWith(ArquillianExtension.class)
class PlacesAdministrationIT {

  static final String TENANT = "plc-alfa";

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.shared();
  }

  @Inject TenantOnboarding onboarding;
  @Inject PlacesAdministration places;
  @Inject PermissionsAdministration permissions;
  @Inject CurrentStaff currentStaff;

  static PlaceData data(
      String name,
      PlaceCategory category,
      PlaceLevel level,
      String parent,
      String lat,
      String lon) {
    return new PlaceData(
        name,
        category,
        null,
        level,
        parent,
        Coordinates.of(lat, lon),
        "CENTRO",
        null,
        null,
        null,
        null);
  }

  @Test
  void theHierarchyVersionsAndRulesHold() {
    onboarding.onboard(
        OnboardingRequest.validated(
            TENANT, "Comune dei Luoghi", "COMUNE", "00097020598", null, List.of()));
    try (TenantScope scope = TenantScope.enter(TenantId.of(TENANT))) {
      currentStaff.signIn("admin." + TENANT);
      places.create(
          "LT",
          data("Latina", PlaceCategory.OTHER, PlaceLevel.MUNICIPALITY, null, "41.4676", "12.9037"));
      places.create(
          "A1", data("Centro", PlaceCategory.OTHER, PlaceLevel.AREA, "LT", "41.4676", "12.9037"));
      places.create(
          "Z1",
          data("Centro storico", PlaceCategory.ZTL, PlaceLevel.ZONE, "A1", "41.4676", "12.9037"));
      places.create(
          "VR-001",
          data("Via Roma", PlaceCategory.STREET, PlaceLevel.PLACE, "Z1", "41.4680", "12.9040"));
      places.create(
          "AV-148",
          new PlaceData(
              "Autovelox SS148 km 72",
              PlaceCategory.AUTOMATIC_POINT,
              "Velocità",
              PlaceLevel.PLACE,
              "Z1",
              Coordinates.of("41.4400", "12.8800"),
              "CENTRO",
              null,
              null,
              "GIS-7781",
              new AutomaticRule(90, false, null, null)));

      // A place directly under the area: wrong level.
      assertThatThrownBy(
              () ->
                  places.create(
                      "VR-002",
                      data(
                          "Via Milano",
                          PlaceCategory.STREET,
                          PlaceLevel.PLACE,
                          "A1",
                          "41.47",
                          "12.91")))
          .isInstanceOf(PlaceRuleException.class)
          .hasMessageContaining("places.hierarchy.parent-level");
      // Same name in the same zone and category.
      assertThatThrownBy(
              () ->
                  places.create(
                      "VR-003",
                      data(
                          "via roma",
                          PlaceCategory.STREET,
                          PlaceLevel.PLACE,
                          "Z1",
                          "41.47",
                          "12.91")))
          .hasMessageContaining("places.name.taken");
      assertThatThrownBy(
              () ->
                  places.create(
                      "VR-001",
                      data(
                          "Via Verdi",
                          PlaceCategory.STREET,
                          PlaceLevel.PLACE,
                          "Z1",
                          "41.47",
                          "12.91")))
          .isInstanceOf(AdministrationException.class);

      PlaceView changed =
          places.change(
              "VR-001",
              data(
                  "Via Roma (tratto nord)",
                  PlaceCategory.STREET,
                  PlaceLevel.PLACE,
                  "Z1",
                  "41.4690",
                  "12.9040"),
              "Rettifica del toponimo");
      assertThat(changed.versions()).isEqualTo(2);
      Place roma = places.detail("VR-001");
      assertThat(roma.versions())
          .extracting(v -> v.data().name())
          .containsExactly("Via Roma", "Via Roma (tratto nord)");
      assertThat(roma.versions().get(1).author()).isEqualTo("admin." + TENANT);
      assertThat(places.detail("AV-148").current().rule().speedLimitKmh()).isEqualTo(90);

      assertThat(places.search(new Filter("roma", null, null, null, null)))
          .extracting(PlaceView::code)
          .containsExactly("VR-001");
      assertThat(places.search(new Filter(null, PlaceCategory.AUTOMATIC_POINT, null, null, null)))
          .extracting(PlaceView::code)
          .containsExactly("AV-148");

      assertThatThrownBy(() -> places.deactivate("Z1", "Soppressa"))
          .isInstanceOf(AdministrationException.class)
          .hasMessageContaining("2 active places");
      places.deactivate("VR-001", "Strada chiusa");
      assertThat(places.search(new Filter(null, null, null, PlaceStatus.INACTIVE, null)))
          .extracting(PlaceView::code)
          .containsExactly("VR-001");
      assertThatThrownBy(
              () ->
                  places.change(
                      "VR-001",
                      data(
                          "Via Roma 2",
                          PlaceCategory.STREET,
                          PlaceLevel.PLACE,
                          "Z1",
                          "41.47",
                          "12.91"),
                      "x"))
          .hasMessageContaining("places.inactive");

      // Imports: a bad GeoJSON stores nothing; a KML whose rows build on each other is stored
      // whole.
      var badImport =
          places.importFile(
              new java.io.ByteArrayInputStream(
                  ("{\"type\": \"FeatureCollection\", \"features\": ["
                          + "{\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\", \"coordinates\": [12.9, 41.47]},"
                          + " \"properties\": {\"codice\": \"VM-001\", \"nome\": \"Via Milano\", \"categoria\": \"STREET\", \"codice_superiore\": \"Z1\"}},"
                          + "{\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\", \"coordinates\": [12.9, 41.48]},"
                          + " \"properties\": {\"codice\": \"VM-002\", \"nome\": \"Via Torino\", \"categoria\": \"STREET\", \"codice_superiore\": \"A1\"}}]}")
                      .getBytes(java.nio.charset.StandardCharsets.UTF_8)),
              "vie.geojson");
      assertThat(badImport.accepted()).isFalse();
      assertThat(badImport.problems())
          .singleElement()
          .satisfies(p -> assertThat(p.row()).isEqualTo(2L));
      assertThat(places.search(new Filter("Via Milano", null, null, null, null))).isEmpty();
      var kml =
          places.importFile(
              new java.io.ByteArrayInputStream(
                  ("<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document>"
                          + "<Placemark><name>Borgo Sabotino</name><ExtendedData>"
                          + "<Data name=\"codice\"><value>Z2</value></Data><Data name=\"categoria\"><value>Altro</value></Data>"
                          + "<Data name=\"livello\"><value>Zona</value></Data><Data name=\"codice_superiore\"><value>A1</value></Data>"
                          + "</ExtendedData><Point><coordinates>12.85,41.42</coordinates></Point></Placemark>"
                          + "<Placemark><name>Via del Lido</name><ExtendedData>"
                          + "<Data name=\"codice\"><value>VL-001</value></Data><Data name=\"categoria\"><value>Strada</value></Data>"
                          + "<Data name=\"codice_superiore\"><value>Z2</value></Data>"
                          + "</ExtendedData><Point><coordinates>12.86,41.43</coordinates></Point></Placemark>"
                          + "</Document></kml>")
                      .getBytes(java.nio.charset.StandardCharsets.UTF_8)),
              "borgo.kml");
      assertThat(kml.accepted()).as(kml.problems().toString()).isTrue();
      assertThat(kml.imported()).isEqualTo(2);
      assertThat(places.detail("VL-001").current().parentCode()).isEqualTo("Z2");

      String taxCode = "GLLPLA80A01E472" + CodiceFiscale.checkCharacterOf("GLLPLA80A01E472");
      permissions.createUser(
          new NewUser("paolo.gialli", "Paolo", "Gialli", taxCode, null, null, "FIELD_OFFICER"),
          null);
      currentStaff.signIn("paolo.gialli");
      assertThat(places.search(Filter.all())).hasSize(7);
      assertThatThrownBy(
              () ->
                  places.create(
                      "VR-009",
                      data(
                          "Via Nuova",
                          PlaceCategory.STREET,
                          PlaceLevel.PLACE,
                          "Z1",
                          "41.47",
                          "12.91")))
          .isInstanceOf(AccessDeniedException.class);
    }
  }
}
