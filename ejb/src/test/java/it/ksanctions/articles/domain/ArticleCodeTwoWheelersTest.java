package it.ksanctions.articles.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The variant of a paragraph that prices mopeds and two-wheeled motorcycles apart. */
class ArticleCodeTwoWheelersTest {

  @Test
  void theTwoWheelerVariantIsAHighwayCodeOfItsOwn() {
    ArticleCode moto = ArticleCode.parse("158C4-bis-MOTO");
    assertThat(moto.value()).isEqualTo("158c4bis-moto");
    assertThat(moto.isHighwayCode()).isTrue();
    assertThat(moto.isTwoWheelerVariant()).isTrue();
    assertThat(moto.isHighwayParagraph(158, 4)).isFalse();
    assertThat(moto.isHighwayArticle(158)).isTrue();
    assertThat(moto.citation())
        .isEqualTo("art. 158 c. 4-bis (ciclomotori e motoveicoli a due ruote)");
    assertThat(moto).isNotEqualTo(ArticleCode.parse("158c4bis"));
    assertThat(ArticleCode.parse("158c4bis").isTwoWheelerVariant()).isFalse();
    assertThat(ArticleCode.parse("158c5-moto").isHighwayParagraph(158, 5)).isTrue();
  }

  @Test
  void onlyTheHyphenatedTailIsAVariant() {
    for (String wrong : new String[] {"158c4bismoto", "158c4bis-", "158c4bis-auto", "-moto"}) {
      assertThatThrownBy(() -> ArticleCode.parse(wrong))
          .as(wrong)
          .isInstanceOf(InvalidArticleCodeException.class);
    }
  }
}
