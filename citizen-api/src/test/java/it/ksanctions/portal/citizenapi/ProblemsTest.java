package it.ksanctions.portal.citizenapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The problem documents the servlet error pages write by hand (the 401 of MP-JWT above all). */
class ProblemsTest {

  @Test
  void theContainersRefusalsReadInItalian() {
    assertThat(Problems.json(401, Problems.detail(401)))
        .startsWith("{\"type\":\"about:blank\",\"title\":\"Autenticazione richiesta\",")
        .contains("\"status\":401", "token di accesso", "SPID o CIE")
        .endsWith("\"}");
    assertThat(Problems.title(404)).isEqualTo("Non trovato");
    assertThat(Problems.title(405)).isEqualTo("Metodo non consentito");
    assertThat(Problems.title(503)).isEqualTo("Errore interno");
    assertThat(Problems.detail(500)).startsWith("Errore interno");
  }

  @Test
  void theDetailIsEscapedAsJsonText() {
    assertThat(Problems.json(404, "il \"verbale\" \\ 1\n"))
        .contains("\"detail\":\"il \\\"verbale\\\" \\\\ 1\\u000a\"");
  }
}
