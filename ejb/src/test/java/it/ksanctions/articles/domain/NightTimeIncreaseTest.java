package it.ksanctions.articles.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NightTimeIncreaseTest {

  @ParameterizedTest(name = "{0} night={1}")
  @CsvSource({
    "21:59:59, false",
    "22:00:00, true",
    "22:00:01, true",
    "23:59:59, true",
    "00:00:00, true",
    "03:30:00, true",
    "06:59:59, true",
    "06:59:59.999999999, true",
    "07:00:00, false",
    "07:00:01, false",
    "12:00:00, false"
  })
  void nightIsFrom22InclusiveTo7Exclusive(LocalTime time, boolean night) {
    assertThat(NightTimeIncrease.isNightTime(time)).isEqualTo(night);
    assertThat(NightTimeIncrease.isNightTime(LocalDateTime.of(2026, 3, 14, 0, 0).with(time)))
        .isEqualTo(night);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "141c2", "142c7", "142c8", "142c9", "145c5", "146c2", "146c3", "149c4", "154c7", "174c4",
        "176c19", "176c20", "178c3", "142"
      })
  void articlesListedInArt195Comma2BisHaveTheIncrease(String code) {
    assertThat(NightTimeIncrease.appliesByLaw(ArticleCode.parse(code))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "7c1a",
        "157c6",
        "158c2",
        "173c3bis",
        "193c2",
        "176c1",
        "176c21",
        "176c19bis",
        "176",
        "126bisc2",
        "186c2",
        "140c1",
        "143c11",
        "ZTL-01"
      })
  void otherArticlesHaveNoIncrease(String code) {
    assertThat(NightTimeIncrease.appliesByLaw(ArticleCode.parse(code))).isFalse();
  }
}
