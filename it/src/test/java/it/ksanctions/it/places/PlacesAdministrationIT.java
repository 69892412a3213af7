package it.ksanctions.it.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ksanctions.it.support.Deployments;
import it.ksanctions.permissions.application.AccessDeniedException;
import it.ksanctions.permissions.application.AdministrationException;
import it.ksanctions.permissions.application.CurrentStaff;
import it.ksanctions.permissions.application.PermissionsAdministration;
import it.ksanctions.permissions.application.PermissionsAdministration.NewUser;
import it.ksanctions.permissions.domain.CodiceFiscale;
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
    return Deployments.earWithTests("places.ear", PlacesAdministrationIT.class);
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

      String taxCode = "GLLPLA80A01E472" + CodiceFiscale.checkCharacterOf("GLLPLA80A01E472");
      permissions.createUser(
          new NewUser("paolo.gialli", "Paolo", "Gialli", taxCode, null, null, "FIELD_OFFICER"),
          null);
      currentStaff.signIn("paolo.gialli");
      assertThat(places.search(Filter.all())).hasSize(5);
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
