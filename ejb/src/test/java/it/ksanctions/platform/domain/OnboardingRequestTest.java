package it.ksanctions.platform.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ksanctions.shared.FieldError;
import it.ksanctions.shared.InvalidRequestException;
import it.ksanctions.tenancy.registry.TenantKind;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class OnboardingRequestTest {

  @Test
  void normalisesNamesAndHostnames() {
    OnboardingRequest request =
        OnboardingRequest.validated(
            "latina",
            "  Comune di Latina ",
            "COMUNE",
            "00097020598",
            "07-06",
            List.of("Multe.Comune.Latina.it ", "a.latina.it"));
    assertThat(request.displayName()).isEqualTo("Comune di Latina");
    assertThat(request.kind()).isEqualTo(TenantKind.COMUNE);
    assertThat(request.hostnames()).containsExactly("a.latina.it", "multe.comune.latina.it");
    assertThat(request.tenantId().schemaName()).isEqualTo("t_latina");
  }

  @Test
  void patronSaintDayIsOptionalButMustBeARealDay() {
    assertThat(
            OnboardingRequest.validated("latina", "L", "COMUNE", "00097020598", null, null)
                .patronSaintDay())
        .isNull();
    assertThat(
            OnboardingRequest.validated("latina", "L", "COMUNE", "00097020598", "02-29", null)
                .patronSaintDay())
        .isEqualTo("02-29");
    for (String wrong : List.of("2-29", "02-30", "13-01", "00-10", "12/26", "1226")) {
      assertThatThrownBy(
              () ->
                  OnboardingRequest.validated("latina", "L", "COMUNE", "00097020598", wrong, null))
          .isInstanceOfSatisfying(
              InvalidRequestException.class,
              e ->
                  assertThat(e.errors())
                      .extracting(FieldError::field)
                      .containsExactly("patronSaintDay"));
    }
  }

  @Test
  void reportsEveryInvalidFieldAtOnce() {
    assertThatThrownBy(
            () ->
                OnboardingRequest.validated(
                    "X",
                    " ",
                    "CITTA",
                    "123",
                    "99-99",
                    Arrays.asList("ok.example.it", "bad host", null)))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e ->
                assertThat(e.errors())
                    .extracting(FieldError::field)
                    .containsExactly(
                        "slug",
                        "displayName",
                        "kind",
                        "taxCode",
                        "patronSaintDay",
                        "hostnames[1]",
                        "hostnames[2]"));
  }

  @Test
  void kindIsOneOfTheThreeBodies() {
    for (String kind : List.of("COMUNE", "UNIONE", "PROVINCIA")) {
      assertThat(
              OnboardingRequest.validated("latina", "L", kind, "00097020598", null, null)
                  .kind()
                  .name())
          .isEqualTo(kind);
    }
    assertThatThrownBy(
            () -> OnboardingRequest.validated("latina", "L", "comune", "00097020598", null, null))
        .isInstanceOf(InvalidRequestException.class);
  }
}
