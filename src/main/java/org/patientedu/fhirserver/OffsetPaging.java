package org.patientedu.fhirserver;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.SearchTotalModeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.Map;
import java.util.Set;

/**
 * Catalog searches (Library, DocumentReference) page by {@code _offset} instead of through a search
 * HAPI stores. For every search no cache answers, HAPI's stored paging registers a search, hands it
 * to a search thread and commits its record and its list of matches, which took a third of an
 * uncached search at 10,000 pages (JFR); an offset search runs one bounded query in the request.
 * HAPI's own {@code _offset} support does the work (its next links carry {@code _offset}); this
 * only asks for it when the client did not choose, with an exact {@code _total} so that the first
 * page says how many there are, in the order of storage ({@code _sort=_pid}) unless the client
 * sorts. A full-text search ({@code _content}, {@code _text}) with no other criteria pages by
 * offset too, each page asked of the index in its order of relevance ({@link
 * IndexPagedFullTextSearch}).
 *
 * <p>Left to HAPI's stored paging: full-text searches with other criteria (HAPI's offset path
 * finishes them in the database 800 matches at a time, and returned at most 800 of 6,543 matches at
 * 10,000 pages), searches that already say {@code _offset}, and the other resource types, whose
 * results (AuditEvent, Procedure) may grow beyond {@code edu.limits.max-offset}. Stored paging
 * keeps a snapshot of the matches; offset pages are each asked of the store as it is, which a
 * catalog that changes a few times a day can afford.
 */
@Interceptor
final class OffsetPaging {

  private static final Set<String> CATALOG_TYPES = Set.of("Library", "DocumentReference");

  /** HAPI calls a pointcut's hooks by order, lowest first; 0 unless a hook says otherwise. */
  private static final int AFTER_OTHER_HOOKS = 1000;

  /**
   * Before HAPI picks the search method and binds its parameters: a {@code _total} added once the
   * method is picked ({@code SERVER_INCOMING_REQUEST_PRE_HANDLED}) was not honoured. After the
   * other hooks of that moment, so that it sees the criteria they add: the security layer narrows a
   * DocumentReference search by a caller without that search scope to the catalog, which makes a
   * full-text search one with other criteria.
   */
  @Hook(value = Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED, order = AFTER_OTHER_HOOKS)
  public boolean pageByOffset(RequestDetails request) {
    if (isCatalogSearch(request)) {
      Map<String, String[]> parameters = request.getParameters();
      Set<String> names = FullTextSearches.names(parameters.keySet());
      boolean fullText = FullTextSearches.isFullText(names);
      if (!parameters.containsKey(Constants.PARAM_OFFSET)
          && !FullTextSearches.hasOtherCriteria(names)) {
        request.addParameter(Constants.PARAM_OFFSET, new String[] {"0"});
        if (!fullText && !parameters.containsKey(Constants.PARAM_SORT)) {
          // Each page is a query of its own, and without an order PostgreSQL may order two pages'
          // rows differently: HAPI adds none. By pid is the order HAPI answered in before. (Full
          // text keeps the index's order of relevance, the same for every page of an unchanged
          // index.)
          request.addParameter(Constants.PARAM_SORT, new String[] {Constants.PARAM_PID});
        }
        if (!parameters.containsKey(Constants.PARAM_SEARCH_TOTAL_MODE)) {
          request.addParameter(
              Constants.PARAM_SEARCH_TOTAL_MODE,
              new String[] {SearchTotalModeEnum.ACCURATE.getCode()});
        }
      }
    }
    return true;
  }

  /** {@code GET [type]?...} or {@code POST [type]/_search}, for a catalog type. */
  private static boolean isCatalogSearch(RequestDetails request) {
    String type = request.getResourceName(); // null for the server's own URLs and operations
    if (type == null || !CATALOG_TYPES.contains(type) || request.getId() != null) {
      return false;
    }
    String operation = request.getOperation();
    return switch (request.getRequestType()) {
      case GET -> operation == null;
      case POST -> Constants.PARAM_SEARCH.equals(operation);
      default -> false;
    };
  }
}
