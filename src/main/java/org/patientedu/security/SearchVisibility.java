package org.patientedu.security;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.IPreResourceAccessDetails;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.patientedu.contentpack.PackTerminology;
import org.patientedu.security.SmartScope.Permission;

/**
 * Keeps what a caller may not read out of its searches, instead of failing the search: HAPI's
 * authorization refuses a whole answer that would hold one forbidden resource, so without this a
 * public search that happens to match a patient record would fail, and a failure would tell that
 * the record exists.
 *
 * <ul>
 *   <li>A DocumentReference search by a caller who may not search DocumentReferences is narrowed to
 *       the catalog (catalog category, no subject, no encounter: {@link CatalogMaterial}) in the
 *       database query itself, so that counts and totals ({@code _summary=count}) count only what
 *       the caller may see, and its hits need no check one by one.
 *   <li>Whatever else a search, a history or an {@code _include}/{@code _revinclude} brings along
 *       that the caller may not read is dropped before HAPI shows it.
 *   <li>Chained parameters and {@code _has} (which can ask about patient records without returning
 *       them: "Libraries given to Patient/123") need search scopes on every patient-record type.
 * </ul>
 */
@Interceptor
final class SearchVisibility {

  static final List<String> PATIENT_RECORD_TYPES =
      List.of("Patient", "Encounter", "Procedure", "DocumentReference");

  private static final Set<RestOperationTypeEnum> LISTINGS =
      EnumSet.of(
          RestOperationTypeEnum.SEARCH_TYPE,
          RestOperationTypeEnum.SEARCH_SYSTEM,
          RestOperationTypeEnum.GET_PAGE,
          RestOperationTypeEnum.HISTORY_TYPE,
          RestOperationTypeEnum.HISTORY_SYSTEM);

  /** Set on a request whose search {@link #narrowSearches} narrowed to the public catalog. */
  private static final String NARROWED_TO_CATALOG = SearchVisibility.class.getName() + ".narrowed";

  private static final String CATALOG_CATEGORY =
      PackTerminology.DOCUMENT_CATEGORY_SYSTEM
          + "|"
          + PackTerminology.DOCUMENT_CATEGORY_PATIENT_EDUCATION;

  private final boolean publicRead;

  SearchVisibility(boolean publicRead) {
    this.publicRead = publicRead;
  }

  /** Before HAPI binds the search parameters. */
  @Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
  public boolean narrowSearches(RequestDetails request) {
    if (!isSearch(request)) {
      return true;
    }
    Grant grant = SmartCaller.current();
    Map<String, String[]> parameters = request.getParameters();
    boolean asksAcrossRecords =
        parameters.keySet().stream()
            .anyMatch(name -> name.startsWith("_has") || name.contains("."));
    if (asksAcrossRecords
        && !PATIENT_RECORD_TYPES.stream().allMatch(t -> grant.allows(t, Permission.SEARCH))) {
      throw FhirRefusals.refuse(grant, "A search with chained or _has parameters");
    }
    if ("DocumentReference".equals(request.getResourceName())
        && !grant.allows("DocumentReference", Permission.SEARCH)) {
      Map<String, String[]> narrowed = new HashMap<>(parameters);
      narrowed.put("category", append(parameters.get("category"), CATALOG_CATEGORY));
      narrowed.put("subject:missing", append(parameters.get("subject:missing"), "true"));
      narrowed.put("encounter:missing", append(parameters.get("encounter:missing"), "true"));
      request.setParameters(narrowed);
      request.getUserData().put(NARROWED_TO_CATALOG, Boolean.TRUE);
    }
    return true;
  }

  @Hook(Pointcut.STORAGE_PREACCESS_RESOURCES)
  public void hideWhatTheCallerMayNotRead(
      IPreResourceAccessDetails details, RequestDetails request) {
    if (!(request instanceof ServletRequestDetails)
        || !LISTINGS.contains(request.getRestOperationType())) {
      return; // the server's own reads, and single reads (refused whole if forbidden)
    }
    Grant grant = SmartCaller.current();
    if (seesEverythingAsked(grant, request)) {
      return; // nothing to hide, and no need to load the resources here
    }
    for (int i = 0; i < details.size(); i++) {
      IBaseResource resource;
      try {
        resource = details.getResource(i);
      } catch (IndexOutOfBoundsException noLongerStored) {
        // HAPI loads the page lazily; a hit whose resource is gone (a full-text index a little
        // behind the database) is not there to show.
        return;
      }
      if (resource != null && !maySee(grant, resource)) {
        details.setDontReturnResourceAtIndex(i);
      }
    }
  }

  /**
   * A search of one type the caller may search, of a type wholly public (a Library), or narrowed to
   * the catalog by its query, bringing nothing else along: reading each hit only to learn it is
   * public would parse every hit twice, here and for the page.
   */
  private boolean seesEverythingAsked(Grant grant, RequestDetails request) {
    String type = request.getResourceName();
    Map<String, String[]> parameters = request.getParameters();
    return type != null
        && (grant.allows(type, Permission.SEARCH)
            || (publicRead
                && (CatalogMaterial.isPublicWhole(type)
                    || Boolean.TRUE.equals(request.getUserData().get(NARROWED_TO_CATALOG)))))
        && !parameters.containsKey("_include")
        && !parameters.containsKey("_revinclude")
        && parameters.keySet().stream()
            .noneMatch(name -> name.startsWith("_include:") || name.startsWith("_revinclude:"));
  }

  private boolean maySee(Grant grant, IBaseResource resource) {
    return (publicRead && CatalogMaterial.isPublic(resource))
        || grant.allows(resource.fhirType(), Permission.SEARCH);
  }

  /** A type-level search (GET or POST _search), not a read, history or operation. */
  private static boolean isSearch(RequestDetails request) {
    String operation = request.getOperation();
    return request.getId() == null && (operation == null || "_search".equals(operation));
  }

  private static String[] append(String[] values, String value) {
    if (values == null) {
      return new String[] {value};
    }
    if (Arrays.asList(values).contains(value)) {
      return values; // HAPI refuses a parameter repeated with the same value
    }
    String[] all = Arrays.copyOf(values, values.length + 1);
    all[values.length] = value;
    return all;
  }
}
