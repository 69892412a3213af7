package it.ksanctions.articles.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ksanctions.shared.RuleViolation;
import org.junit.jupiter.api.Test;

/** Short description, licence points and operating notes of a version (SPEC ART-1). */
class ArticleParticularsTest {

  @Test
  void validParticularsAreKeptStripped() {
    ArticleParticulars p =
        new ArticleParticulars(
            "  Passaggio con il semaforo rosso ", 6, "  Verificare il fotogramma ");
    assertThat(p.shortDescription()).isEqualTo("Passaggio con il semaforo rosso");
    assertThat(p.points()).isEqualTo(6);
    assertThat(p.operatingNotes()).isEqualTo("Verificare il fotogramma");
    assertThat(new ArticleParticulars("x", 0, "  ").operatingNotes()).isNull();
  }

  @Test
  void pointsRunFromZeroToTen() {
    assertThat(new ArticleParticulars("Velocità", 0, null).points()).isZero();
    assertThat(new ArticleParticulars("Velocità", 10, null).points()).isEqualTo(10);
    assertThatThrownBy(() -> new ArticleParticulars("Velocità", 11, null))
        .isInstanceOfSatisfying(
            InvalidArticleParticularsException.class,
            e -> {
              assertThat(e.field()).isEqualTo(InvalidArticleParticularsException.Field.POINTS);
              assertThat(e.code()).isEqualTo("articles.points.invalid");
              assertThat(e.italianMessage()).contains("punti patente", "da 0 a 10");
              assertThat(e.kind()).isEqualTo(RuleViolation.Kind.INVALID_INPUT);
            });
    assertThatThrownBy(() -> new ArticleParticulars("Velocità", -1, null))
        .isInstanceOf(InvalidArticleParticularsException.class);
  }

  @Test
  void theShortDescriptionHasAtMostEightyCharactersAndIsRequired() {
    String eighty = "a".repeat(80);
    assertThat(new ArticleParticulars(eighty, 0, null).shortDescription()).hasSize(80);
    assertThatThrownBy(() -> new ArticleParticulars(eighty + "b", 0, null))
        .isInstanceOfSatisfying(
            InvalidArticleParticularsException.class,
            e -> {
              assertThat(e.field())
                  .isEqualTo(InvalidArticleParticularsException.Field.SHORT_DESCRIPTION);
              assertThat(e.code()).isEqualTo("articles.short-description.invalid");
              assertThat(e.italianMessage()).contains("descrizione breve", "80 caratteri");
            });
    assertThatThrownBy(() -> new ArticleParticulars("  ", 0, null))
        .isInstanceOf(InvalidArticleParticularsException.class);
    assertThatThrownBy(() -> new ArticleParticulars("ok", 0, "n".repeat(2001)))
        .isInstanceOfSatisfying(
            InvalidArticleParticularsException.class,
            e ->
                assertThat(e.field())
                    .isEqualTo(InvalidArticleParticularsException.Field.OPERATING_NOTES));
  }

  @Test
  void aMissingShortDescriptionIsTakenFromTheDescription() {
    assertThat(ArticleParticulars.of(null, "Inosservanza della segnaletica", null, null))
        .isEqualTo(new ArticleParticulars("Inosservanza della segnaletica", 0, null));
    String longText = "Mancata regolazione della velocità ".repeat(4);
    ArticleParticulars derived = ArticleParticulars.of(" ", longText, 5, "");
    assertThat(derived.shortDescription()).hasSize(80).endsWith("…");
    assertThat(longText).startsWith(derived.shortDescription().substring(0, 79).strip());
    assertThat(derived.points()).isEqualTo(5);
    assertThat(derived.operatingNotes()).isNull();
    assertThat(ArticleParticulars.shortened("  Sosta \n vietata ")).isEqualTo("Sosta vietata");
  }
}
