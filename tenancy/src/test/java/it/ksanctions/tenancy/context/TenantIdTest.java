package it.ksanctions.tenancy.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TenantIdTest {

  @ParameterizedTest
  @CsvSource({
    "latina, t_latina",
    "san-felice-circeo, t_san_felice_circeo",
    "ab, t_ab",
    "a234567890123456789012345678901, t_a234567890123456789012345678901"
  })
  void schemaAndRoleDeriveFromTheSlug(String slug, String schema) {
    TenantId id = TenantId.of(slug);
    assertThat(id.schemaName()).isEqualTo(schema);
    assertThat(id.roleName()).isEqualTo(schema);
    assertThat(id.schemaName().length()).isLessThanOrEqualTo(63); // PostgreSQL identifier limit
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "a",
        "Latina",
        "1latina",
        "-x",
        "lat_ina",
        "lat ina",
        "la\"tina",
        "t;drop",
        "a2345678901234567890123456789012"
      })
  void invalidSlugsAreRejected(String slug) {
    assertThat(TenantId.isValidSlug(slug)).isFalse();
    assertThatThrownBy(() -> TenantId.of(slug)).isInstanceOf(IllegalArgumentException.class);
  }
}
