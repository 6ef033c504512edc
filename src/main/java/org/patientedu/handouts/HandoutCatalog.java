package org.patientedu.handouts;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.model.cross.IBasePersistedResource;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Library;
import org.patientedu.fhirserver.readcache.CurrentVersions;
import org.patientedu.fhirserver.readcache.ResourceViews;
import org.patientedu.fhirserver.readcache.SharedResourceViews;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * The handouts as the FHIR store holds them: the same Library and Binary resources the FHIR API
 * serves, read through HAPI's DAOs, so an edit made through the API shows on the next page load.
 *
 * <p>The catalog keeps a summary of every Library ({@link ResourceViews}), checked against the
 * store's fingerprint of the Libraries on every request and read again only where a Library
 * changed, so a catalog page costs one aggregate query and an in-memory filter, and a write on any
 * node shows on the next request.
 *
 * <p>One handout page asks the store for the current version of its Library and Binary on every
 * request; only when a version is new are the resources read in full, parsed and sanitised again.
 * The small version-keyed memo is never a second source: a changed resource is a new version.
 */
@Service
class HandoutCatalog {

  /**
   * Every resource type the pages read from the store (Library, and Binary for the articles): the
   * page cache keys pages by a fingerprint of these ({@link HandoutPageCache}). Reading another
   * type here means adding it.
   */
  static final List<String> TYPES_READ = List.of("Library", "Binary");

  /** FHIR ids: letters, digits, '-' and '.', at most 64. Anything else cannot be stored. */
  private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

  private static final Comparator<Handout> BY_TITLE =
      Comparator.comparing(
              (Handout h) -> h.title() == null ? "" : h.title(), String.CASE_INSENSITIVE_ORDER)
          .thenComparing(
              h -> h.publisher() == null ? "" : h.publisher(), String.CASE_INSENSITIVE_ORDER);

  private final DaoRegistry daoRegistry;
  private final boolean approvedOnly;

  /** Every Library as the catalog shows it, kept per edition of the Libraries. */
  private final ResourceViews<Library>.View<Handout> summaries;

  private volatile Edition edition;

  /** Sanitised articles by Binary id, as of the Binary's version. */
  private final Cache<String, Versioned<ArticleSanitizer.Article>> articles =
      Caffeine.newBuilder().maximumSize(2_000).build();

  private record Versioned<V>(long version, V value) {}

  HandoutCatalog(
      DaoRegistry daoRegistry, SharedResourceViews views, HandoutsProperties properties) {
    this.daoRegistry = daoRegistry;
    this.approvedOnly = properties.approvedOnly();
    this.summaries = views.of(Library.class).view(LibraryReader::read);
  }

  /**
   * The handouts a nurse may hand out (not retired; only active ones where the ward shows approved
   * material only, edu.handouts.approved-only), filtered, by title. Text goes to the FHIR full-text
   * searches ({@code _content} and {@code _text}) for ids only; lifecycle, clinical context, review
   * state (as the server stamped it) and language are filtered in memory over the summaries of this
   * edition of the Libraries.
   */
  Listing find(CatalogFilter filter) {
    Edition edition = edition();
    Set<String> matching = filter.text() == null ? null : textMatches(filter);
    return new Listing(
        edition.offered().stream()
            .filter(handout -> matching == null || matching.contains(handout.id()))
            .filter(filter::accepts)
            .toList(),
        edition.languages());
  }

  /**
   * The handouts found, and every language the catalog holds (for the language filter), both as of
   * the same edition.
   */
  record Listing(List<Handout> handouts, List<String> languages) {}

  /**
   * The ids of the Libraries whose words match: the words of a page live in its narrative ({@code
   * _text}), its names and titles in string elements ({@code _content}): the catalog searches both,
   * as the FHIR API's {@code _content} does.
   */
  private Set<String> textMatches(CatalogFilter filter) {
    Set<String> ids = new HashSet<>();
    for (String parameter : List.of(Constants.PARAM_CONTENT, Constants.PARAM_TEXT)) {
      SearchParameterMap search = SearchParameterMap.newSynchronous();
      search.add(parameter, new StringParam(filter.text()));
      for (IIdType id : libraries().searchForResourceIds(search, new SystemRequestDetails())) {
        ids.add(id.getIdPart());
      }
    }
    return ids;
  }

  /**
   * What the catalog offers as of one edition of the Libraries: the handouts a nurse may hand out,
   * by title, and their languages. Made once per edition, since every request filters the same
   * list.
   */
  private record Edition(
      CurrentVersions.Fingerprint fingerprint, List<Handout> offered, List<String> languages) {}

  private Edition edition() {
    ResourceViews.Edition<Handout> views = summaries.current();
    Edition held = edition;
    if (held != null && held.fingerprint().equals(views.fingerprint())) {
      return held;
    }
    List<Handout> offered =
        views.byId().values().stream().filter(this::offered).sorted(BY_TITLE).toList();
    Edition made =
        new Edition(
            views.fingerprint(),
            offered,
            offered.stream()
                .map(Handout::language)
                .filter(language -> language != null)
                .distinct()
                .sorted()
                .toList());
    edition = made;
    return made;
  }

  /** Approved pages, and drafts (marked as such) unless the ward shows approved material only. */
  private boolean offered(Handout handout) {
    return handout.active() || (!approvedOnly && "draft".equals(handout.lifecycleStatus()));
  }

  /** Reads the catalog's summaries now, so the first nurse does not wait for them. */
  @EventListener(ApplicationReadyEvent.class)
  void warmUp() {
    summaries.warmUpInBackground();
  }

  /**
   * One handout by its Library id, retired ones included (a printed QR code must still resolve).
   */
  Optional<Handout> get(String id) {
    return Optional.ofNullable(summaries.current().byId().get(id));
  }

  /** Whether this ward's catalog hides what is not approved (edu.handouts.approved-only). */
  boolean approvedOnly() {
    return approvedOnly;
  }

  /** One rendition's article, sanitised; empty when the Binary is missing or empty. */
  ArticleSanitizer.Article article(Handout.Rendition rendition) {
    return current(
            Binary.class,
            rendition.binaryId(),
            articles,
            binary ->
                ArticleSanitizer.sanitize(
                    binary.getContent() == null
                        ? ""
                        : new String(binary.getContent(), StandardCharsets.UTF_8)))
        .orElse(ArticleSanitizer.Article.EMPTY);
  }

  private <T extends IBaseResource, V> Optional<V> current(
      Class<T> type, String id, Cache<String, Versioned<V>> memo, Function<T, V> view) {
    if (id == null || !FHIR_ID.matcher(id).matches()) {
      return Optional.empty();
    }
    IFhirResourceDao<T> dao = daoRegistry.getResourceDao(type);
    IdType resourceId = new IdType(type.getSimpleName(), id);
    try {
      IBasePersistedResource<?> entity = dao.readEntity(resourceId, new SystemRequestDetails());
      if (entity.isDeleted()) {
        memo.invalidate(id);
        return Optional.empty();
      }
      Versioned<V> known = memo.getIfPresent(id);
      if (known != null && known.version() == entity.getVersion()) {
        return Optional.of(known.value());
      }
      T resource = dao.read(resourceId, new SystemRequestDetails());
      V value = view.apply(resource);
      memo.put(id, new Versioned<>(resource.getIdElement().getVersionIdPartAsLong(), value));
      return Optional.of(value);
    } catch (ResourceNotFoundException | ResourceGoneException absent) {
      memo.invalidate(id);
      return Optional.empty();
    }
  }

  private IFhirResourceDao<Library> libraries() {
    return daoRegistry.getResourceDao(Library.class);
  }
}
