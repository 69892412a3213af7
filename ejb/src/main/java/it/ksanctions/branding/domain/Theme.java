package it.ksanctions.branding.domain;

import java.util.Optional;

/**
 * A theme: a base theme shipped with the product, or a tenant's own overrides. Every value may be
 * unset (null): an unset value is inherited from the parent (Keycloak-style), and every chain ends
 * at {@link BaseThemes#DEFAULT}, which sets them all.
 */
public record Theme(
    String code,
    String parent,
    String displayName,
    HexColour primary,
    HexColour secondary,
    String footerContacts,
    String footerText) {

  public Optional<String> parentCode() {
    return Optional.ofNullable(parent);
  }
}
