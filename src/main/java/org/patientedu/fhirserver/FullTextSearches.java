package org.patientedu.fhirserver;

import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.Constants;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which searches are full text ({@code _content}, {@code _text}), and which of those have no other
 * criteria: HAPI answers those from the index alone, and the others by finishing in the database
 * what the index found, which its offset paging and its counts get wrong ({@link
 * IndexPagedFullTextSearch}).
 */
final class FullTextSearches {

  private static final Set<String> FULL_TEXT =
      Set.of(Constants.PARAM_CONTENT, Constants.PARAM_TEXT);

  /** Request parameters that say how to answer, not what matches. */
  private static final Set<String> ANSWER_SHAPE =
      Set.of(
          Constants.PARAM_COUNT,
          Constants.PARAM_OFFSET,
          Constants.PARAM_SORT,
          Constants.PARAM_SEARCH_TOTAL_MODE,
          Constants.PARAM_SUMMARY,
          Constants.PARAM_ELEMENTS,
          Constants.PARAM_INCLUDE,
          Constants.PARAM_REVINCLUDE,
          Constants.PARAM_FORMAT,
          Constants.PARAM_PRETTY);

  private FullTextSearches() {}

  /** Request parameter names, {@code _content:exact} counted as {@code _content}. */
  static Set<String> names(Set<String> requestParameterNames) {
    return requestParameterNames.stream()
        .map(name -> name.contains(":") ? name.substring(0, name.indexOf(':')) : name)
        .collect(Collectors.toSet());
  }

  static boolean isFullText(Set<String> names) {
    return names.stream().anyMatch(FULL_TEXT::contains);
  }

  /** A full-text search with criteria besides its words, by its request parameter names. */
  static boolean hasOtherCriteria(Set<String> names) {
    return isFullText(names)
        && !names.stream()
            .allMatch(name -> FULL_TEXT.contains(name) || ANSWER_SHAPE.contains(name));
  }

  /** A full-text search with no other criteria, as HAPI has parsed it. */
  static boolean onlyFullText(SearchParameterMap params) {
    return !params.isEmpty()
        && FULL_TEXT.containsAll(params.keySet())
        && params.getLastUpdated() == null
        && params.getEverythingMode() == null
        && params.getNearDistanceParam() == null
        && !params.isLastN();
  }
}
