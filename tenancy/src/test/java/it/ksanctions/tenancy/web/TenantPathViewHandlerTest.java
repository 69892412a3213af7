package it.ksanctions.tenancy.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TenantPathViewHandlerTest {

  @Test
  void prefixesApplicationUrlsResolvedFromThePath() {
    assertThat(TenantPathViewHandler.withPrefix("", "/t/latina", "/index.xhtml"))
        .isEqualTo("/t/latina/index.xhtml");
    assertThat(TenantPathViewHandler.withPrefix("/app", "/t/latina", "/app/admin/users.xhtml?x=1"))
        .isEqualTo("/app/t/latina/admin/users.xhtml?x=1");
  }

  @Test
  void leavesUrlsAloneWithoutPathPrefixOrWhenAlreadyPrefixed() {
    assertThat(TenantPathViewHandler.withPrefix("", null, "/index.xhtml"))
        .isEqualTo("/index.xhtml");
    assertThat(TenantPathViewHandler.withPrefix("", "/t/latina", "/t/latina/index.xhtml"))
        .isEqualTo("/t/latina/index.xhtml");
    assertThat(TenantPathViewHandler.withPrefix("", "/t/latina", "https://example.org/x"))
        .isEqualTo("https://example.org/x");
  }
}
