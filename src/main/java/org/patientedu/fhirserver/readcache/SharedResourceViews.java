package org.patientedu.fhirserver.readcache;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * The one {@link ResourceViews} of each resource type, so that features viewing the same type (the
 * handout catalog, the review report and the education finder all view Libraries) share one listing
 * and one read of each written resource instead of each doing its own.
 */
public class SharedResourceViews {

  private final DaoRegistry daoRegistry;
  private final CurrentVersions currentVersions;
  private final Map<Class<?>, ResourceViews<?>> byType = new ConcurrentHashMap<>();

  SharedResourceViews(DaoRegistry daoRegistry, CurrentVersions currentVersions) {
    this.daoRegistry = daoRegistry;
    this.currentVersions = currentVersions;
  }

  @SuppressWarnings("unchecked") // each entry is made for its own key's type
  public <T extends IBaseResource> ResourceViews<T> of(Class<T> type) {
    return (ResourceViews<T>)
        byType.computeIfAbsent(
            type,
            key ->
                new ResourceViews<>(daoRegistry, currentVersions, type, ResourceViews.READ_CHUNK));
  }
}
