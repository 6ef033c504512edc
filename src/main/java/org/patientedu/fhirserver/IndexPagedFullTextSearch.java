package org.patientedu.fhirserver;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.model.RequestPartitionId;
import ca.uhn.fhir.jpa.dao.FulltextSearchSvcImpl;
import ca.uhn.fhir.jpa.dao.IResultIterator;
import ca.uhn.fhir.jpa.dao.ISearchBuilder;
import ca.uhn.fhir.jpa.dao.SearchBuilderFactory;
import ca.uhn.fhir.jpa.model.dao.JpaPid;
import ca.uhn.fhir.jpa.model.search.SearchRuntimeDetails;
import ca.uhn.fhir.jpa.search.builder.ISearchQueryExecutor;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.springframework.transaction.annotation.Transactional;

/**
 * HAPI's full-text search ({@code _content}, {@code _text}), with two of its answers made right.
 *
 * <p>HAPI finishes a full-text search in the database, 800 of the index's matches per query. Its
 * offset paging applied the offset to each of those queries: past 800 matches it returned wrong
 * pages, then empty ones (800 of 6,543 matches reached at 10,000 pages). Here a page by {@code
 * _offset} of a search with no other criteria is asked of the index as that page ({@code
 * fetchHits(offset, count)}, HAPI's own {@code searchNotScrolled}, which its search builder does
 * not call), in the index's order of relevance; with nothing left for the database to filter, the
 * builder takes it as it is, up to the {@value #DEEPEST_MATCH}th match. A search with other
 * criteria and an {@code _offset} is refused with a 400, since HAPI would skip matches; {@link
 * OffsetPaging} leaves such searches to stored paging, which finds them all.
 *
 * <p>HAPI counts a full-text search ({@code _total=accurate}, {@code _summary=count}) in the index
 * alone, which knows nothing of the other criteria: {@code
 * _content=engorgement&review-status=overdue} counted 6,543, every page with the word. With other
 * criteria, the count here is of the matches the search itself finds.
 */
class IndexPagedFullTextSearch extends FulltextSearchSvcImpl {

  /**
   * How deep the index pages: OpenSearch's default result window ({@code index.max_result_window}),
   * beyond which it refuses a page; the same on local Lucene, so both backends answer alike.
   */
  static final int DEEPEST_MATCH = 10_000;

  private final SearchBuilderFactory<JpaPid> searchBuilders;
  private final FhirContext fhirContext;

  IndexPagedFullTextSearch(SearchBuilderFactory<JpaPid> searchBuilders, FhirContext fhirContext) {
    this.searchBuilders = searchBuilders;
    this.fhirContext = fhirContext;
  }

  @Transactional
  @Override
  public ISearchQueryExecutor searchScrolled(
      String resourceType, SearchParameterMap params, RequestDetails request) {
    Integer offset = params.getOffset();
    if (offset != null) {
      if (!FullTextSearches.onlyFullText(params)) {
        throw new InvalidRequestException(
            "_offset cannot page a full-text search (_content, _text) that has other criteria"
                + " (the request's, or those the server adds to keep out what the caller may not"
                + " read): leave out _offset and follow the Bundle's next links.");
      }
      if (offset >= DEEPEST_MATCH) {
        throw new InvalidRequestException(
            "A full-text search (_content, _text) pages by _offset up to its "
                + DEEPEST_MATCH
                + "th match; narrow it with more words or other criteria.");
      }
      // The count is one more than the page (the synchronous search asks for one more to know
      // there is a next page), and stops at the deepest match; searchNotScrolled marks the offset
      // as applied.
      int page = params.getCount() == null ? DEEPEST_MATCH : params.getCount();
      return searchNotScrolled(
          resourceType, params, Math.min(page, DEEPEST_MATCH - offset), request);
    }
    return super.searchScrolled(resourceType, params, request);
  }

  @Override
  public long count(String resourceType, SearchParameterMap params) {
    if (FullTextSearches.onlyFullText(params)) {
      return super.count(resourceType, params);
    }
    SearchParameterMap everyMatch = params.clone();
    everyMatch.setOffset(null);
    everyMatch.setCount(null);
    everyMatch.setLoadSynchronous(true);
    everyMatch.setLoadSynchronousUpTo(null);
    ISearchBuilder<JpaPid> search =
        searchBuilders.newSearchBuilder(
            resourceType, fhirContext.getResourceDefinition(resourceType).getImplementingClass());
    long count = 0;
    try (IResultIterator<JpaPid> matches =
        search.createQuery(
            everyMatch,
            new SearchRuntimeDetails(null, UUID.randomUUID().toString()),
            null,
            RequestPartitionId.allPartitions())) {
      while (matches.hasNext()) {
        matches.next();
        count++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return count;
  }
}
