package org.patientedu.handouts;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.model.cross.IBasePersistedResource;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Library;
import org.patientedu.contentpack.ClinicalContext;
import org.springframework.stereotype.Service;

/**
 * The handouts as the FHIR store holds them: the same Library and Binary resources the FHIR API
 * serves, read through HAPI's DAOs, so an edit made through the API shows on the next page load.
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

  /**
   * Views of resources as of a version: parsed Handouts by Library id, sanitised articles by Binary
   * id.
   */
  private final Cache<String, Versioned<Handout>> handouts =
      Caffeine.newBuilder().maximumSize(2_000).build();

  private final Cache<String, Versioned<ArticleSanitizer.Article>> articles =
      Caffeine.newBuilder().maximumSize(2_000).build();

  private record Versioned<V>(long version, V value) {}

  HandoutCatalog(DaoRegistry daoRegistry, HandoutsProperties properties) {
    this.daoRegistry = daoRegistry;
    this.approvedOnly = properties.approvedOnly();
  }

  /**
   * The handouts a nurse may hand out (not retired; only active ones where the ward shows approved
   * material only, edu.handouts.approved-only), filtered. Text goes to the FHIR full-text searches
   * ({@code _content} and {@code _text}), the clinical context to the {@code context} search
   * parameter; review state and language are read off each resource.
   */
  List<Handout> find(CatalogFilter filter) {
    Map<String, Library> found = new LinkedHashMap<>();
    if (filter.text() == null) {
      search(filter, null)
          .forEach(library -> found.put(library.getIdElement().getIdPart(), library));
    } else {
      // The words of a page live in its narrative (_text), its names and titles in string
      // elements (_content): the catalog searches both, as the FHIR API's _content does.
      for (String parameter : List.of(Constants.PARAM_CONTENT, Constants.PARAM_TEXT)) {
        search(filter, parameter)
            .forEach(library -> found.putIfAbsent(library.getIdElement().getIdPart(), library));
      }
    }
    return found.values().stream()
        .map(LibraryReader::read)
        .filter(filter::accepts)
        .sorted(BY_TITLE)
        .toList();
  }

  private List<Library> search(CatalogFilter filter, String textParameter) {
    SearchParameterMap search = SearchParameterMap.newSynchronous();
    TokenOrListParam statuses = new TokenOrListParam().add(new TokenParam("active"));
    if (!approvedOnly) {
      statuses.add(new TokenParam("draft"));
    }
    search.add("status", statuses);
    if (textParameter != null) {
      search.add(textParameter, new StringParam(filter.text()));
    }
    if (filter.context() != null) {
      TokenOrListParam codes = new TokenOrListParam();
      for (ClinicalContext.Code code : filter.context().codes()) {
        codes.add(new TokenParam(code.system(), code.code()));
      }
      search.add("context", codes);
    }
    IBundleProvider found = libraries().search(search, new SystemRequestDetails());
    return found.getAllResources().stream().map(Library.class::cast).toList();
  }

  /** Every language the catalog holds, for the language filter. */
  List<String> languages() {
    return find(CatalogFilter.ALL).stream()
        .map(Handout::language)
        .filter(language -> language != null)
        .distinct()
        .sorted()
        .toList();
  }

  /**
   * One handout by its Library id, retired ones included (a printed QR code must still resolve).
   */
  Optional<Handout> get(String id) {
    return current(Library.class, id, handouts, LibraryReader::read);
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
