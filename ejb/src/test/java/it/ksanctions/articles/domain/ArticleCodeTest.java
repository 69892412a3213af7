package it.ksanctions.articles.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ArticleCodeTest {

  @ParameterizedTest(name = "{0} -> {1} ({2})")
  @CsvSource(
      delimiter = '|',
      value = {
        "142c8       | 142c8    | art. 142 c. 8",
        "142C8       | 142c8    | art. 142 c. 8",
        "' 176c19 '  | 176c19   | art. 176 c. 19",
        "173c3bis    | 173c3bis | art. 173 c. 3-bis",
        "173c3-bis   | 173c3bis | art. 173 c. 3-bis",
        "126bisc2    | 126bisc2 | art. 126-bis c. 2",
        "126-bisc2   | 126bisc2 | art. 126-bis c. 2",
        "7c1a        | 7c1a     | art. 7 c. 1 lett. a)",
        "193         | 193      | art. 193",
        "142c08      | 142c8    | art. 142 c. 8"
      })
  void highwayCodeReferencesAreNormalised(String input, String canonical, String citation) {
    ArticleCode code = ArticleCode.parse(input);

    assertThat(code.value()).isEqualTo(canonical);
    assertThat(code.citation()).isEqualTo(citation);
    assertThat(code.isHighwayCode()).isTrue();
    assertThat(code.isLocal()).isFalse();
  }

  @Test
  void articleAndParagraphAreReadable() {
    ArticleCode code = ArticleCode.parse("142c8");

    assertThat(code.article()).hasValue(142);
    assertThat(code.paragraph()).hasValue(8);
    assertThat(code.isHighwayArticle(142)).isTrue();
    assertThat(code.isHighwayParagraph(142, 8)).isTrue();
    assertThat(code.isHighwayParagraph(142, 9)).isFalse();
  }

  @Test
  void suffixedArticlesAndParagraphsAreNotTheBareOnes() {
    assertThat(ArticleCode.parse("126bisc2").isHighwayArticle(126)).isFalse();
    assertThat(ArticleCode.parse("176c19bis").isHighwayParagraph(176, 19)).isFalse();
    assertThat(ArticleCode.parse("176").isHighwayParagraph(176, 19)).isFalse();
  }

  @ParameterizedTest
  @CsvSource({"ztl-01, ZTL-01", "RPU12, RPU12", "Reg.PU/3, REG.PU/3", "a, A"})
  void localCodesStartWithALetterAndAreUpperCase(String input, String canonical) {
    ArticleCode code = ArticleCode.parse(input);

    assertThat(code.value()).isEqualTo(canonical);
    assertThat(code.isLocal()).isTrue();
    assertThat(code.article()).isEmpty();
    assertThat(code.paragraph()).isEmpty();
    assertThat(code.isHighwayArticle(142)).isFalse();
    assertThat(code.citation()).isEqualTo(canonical);
  }

  @Test
  void aLocalCodeNeverEqualsAHighwayCodeReference() {
    assertThat(ArticleCode.local("C142C8")).isNotEqualTo(ArticleCode.parse("142c8"));
    assertThatThrownBy(() -> ArticleCode.local("142c8"))
        .isInstanceOf(InvalidArticleCodeException.class);
  }

  @Test
  void equalityFollowsTheCanonicalForm() {
    assertThat(ArticleCode.parse("173C3-BIS"))
        .isEqualTo(ArticleCode.parse("173c3bis"))
        .hasSameHashCodeAs(ArticleCode.parse("173c3bis"));
    assertThat(ArticleCode.parse("142c8")).hasToString("142c8");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        " ",
        "142c",
        "142c8x1",
        "1420c8",
        "142c8bisxy",
        "142-",
        "173c3-",
        "0c1",
        "142c0",
        "142 c8",
        "142xc8",
        "-142c8",
        "ZTL 01",
        "ABCDEFGHIJKLMNOPQRSTU",
        "Z€"
      })
  void malformedCodesAreRejected(String input) {
    assertThatThrownBy(() -> ArticleCode.parse(input))
        .isInstanceOf(InvalidArticleCodeException.class)
        .hasMessageContaining("Invalid article code");
  }
}
