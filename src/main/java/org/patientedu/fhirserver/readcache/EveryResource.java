package org.patientedu.fhirserver.readcache;

import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;

/**
 * Reads every stored resource of one type from inside the server, a bounded page at a time, each
 * resource stored throughout the walk exactly once.
 *
 * <p>A plain search of the type is no answer at catalog scale: HAPI runs a search from inside the
 * server synchronously and loads every match in one persistence context, which at 10,000 Libraries
 * held 700 MB live (and ran a 512 MB node out of heap). So each page is its own bounded query
 * ({@code _offset} and {@code _count}, sorted by {@code _pid}, which an update does not change). A
 * delete between two pages shifts the later pages by one, so the walk can pass over a resource; the
 * ids listed before the walk (nothing parsed) name it, and it is read by id afterwards.
 */
public final class EveryResource {

  private EveryResource() {}

  /**
   * The ids of the type's resources that match {@code criteria}, listed before a walk: nothing
   * parsed.
   */
  public static Set<String> ids(IFhirResourceDao<?> dao, SearchParameterMap criteria) {
    Set<String> ids = new HashSet<>();
    dao.searchForResourceIds(criteria, new SystemRequestDetails())
        .forEach(id -> ids.add(id.getIdPart()));
    return ids;
  }

  /**
   * Hands each page of the type's resources to {@code page}, in the order of their database keys:
   * every one of {@code storedBefore} (listed by the caller, {@link #ids}) still stored, the ones
   * the walk passed over last.
   */
  public static void inPages(
      IFhirResourceDao<?> dao,
      Set<String> storedBefore,
      int pageSize,
      Consumer<List<IBaseResource>> page) {
    inPages(dao, SearchParameterMap::newSynchronous, storedBefore, pageSize, page);
  }

  /**
   * The same for the type's resources that match {@code criteria} (a new map each call). One that
   * stops matching during the walk (the caller may be what changes it) shifts the later pages back;
   * whatever the walk passes over so is read by id at the end, as for a delete.
   */
  public static void inPages(
      IFhirResourceDao<?> dao,
      Supplier<SearchParameterMap> criteria,
      Set<String> storedBefore,
      int pageSize,
      Consumer<List<IBaseResource>> page) {
    Set<String> notYetHandedOver = new HashSet<>(storedBefore);
    walk(
        dao,
        criteria,
        pageSize,
        resources -> {
          resources.forEach(
              resource -> notYetHandedOver.remove(resource.getIdElement().getIdPart()));
          page.accept(resources);
        });
    List<IBaseResource> passedOver = new ArrayList<>();
    for (String id : notYetHandedOver) {
      try {
        passedOver.add(
            dao.read(
                new IdType(dao.getResourceType().getSimpleName(), id), new SystemRequestDetails()));
      } catch (ResourceGoneException | ResourceNotFoundException deletedSinceListed) {
        continue;
      }
      if (passedOver.size() == pageSize) {
        page.accept(passedOver);
        passedOver = new ArrayList<>();
      }
    }
    if (!passedOver.isEmpty()) {
      page.accept(passedOver);
    }
  }

  private static void walk(
      IFhirResourceDao<?> dao,
      Supplier<SearchParameterMap> criteria,
      int pageSize,
      Consumer<List<IBaseResource>> page) {
    String previousFirst = null;
    for (int offset = 0; ; offset += pageSize) {
      SearchParameterMap bounded = criteria.get();
      bounded.setSort(new SortSpec(Constants.PARAM_PID));
      bounded.setOffset(offset);
      bounded.setCount(pageSize);
      // HAPI takes a search's offset from the request's _offset (it resets the map's otherwise)
      SystemRequestDetails request = new SystemRequestDetails();
      request.addParameter(Constants.PARAM_OFFSET, new String[] {Integer.toString(offset)});
      List<IBaseResource> resources = dao.search(bounded, request).getResources(0, pageSize);
      if (resources.isEmpty()) {
        return;
      }
      String first = resources.get(0).getIdElement().getIdPart();
      if (first.equals(previousFirst)) {
        throw new IllegalStateException(
            "Paging through "
                + dao.getResourceType().getSimpleName()
                + " returned the same page twice");
      }
      previousFirst = first;
      page.accept(resources);
      if (resources.size() < pageSize) {
        return;
      }
    }
  }
}
