package org.patientedu.fhirserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class FullTextSearchesTest {

  @Test
  void aSearchOfWordsAloneHasNoOtherCriteria() {
    assertThat(hasOtherCriteria("_content")).isFalse();
    assertThat(hasOtherCriteria("_text", "_count", "_offset", "_total", "_elements")).isFalse();
    assertThat(hasOtherCriteria("_content:exact", "_sort", "_include", "_summary")).isFalse();
  }

  @Test
  void criteriaBesidesTheWordsAreOtherCriteria() {
    assertThat(hasOtherCriteria("_content", "review-status")).isTrue();
    assertThat(hasOtherCriteria("_text", "_id")).isTrue();
    assertThat(hasOtherCriteria("_content", "context:below", "_count")).isTrue();
    assertThat(hasOtherCriteria("_content", "_lastUpdated")).isTrue();
  }

  @Test
  void aSearchWithoutWordsIsNotFullText() {
    assertThat(FullTextSearches.isFullText(Set.of("review-status", "_count"))).isFalse();
    assertThat(hasOtherCriteria("review-status", "_count")).isFalse();
  }

  private static boolean hasOtherCriteria(String... requestParameterNames) {
    return FullTextSearches.hasOtherCriteria(FullTextSearches.names(Set.of(requestParameterNames)));
  }
}
