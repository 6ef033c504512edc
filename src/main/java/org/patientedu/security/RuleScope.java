package org.patientedu.security;

import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRuleTester;
import java.util.Set;
import java.util.function.Predicate;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;

/**
 * Narrows one of HAPI's authorization rules: to some interactions (SMART's {@code r} is read, its
 * {@code s} search, and HAPI's read rule covers both), away from some resource types (a wildcard
 * never reaches the audit trail), and to the resources it may let in or out.
 */
final class RuleScope implements IAuthRuleTester {

  static final Set<RestOperationTypeEnum> READS =
      Set.of(
          RestOperationTypeEnum.READ,
          RestOperationTypeEnum.VREAD,
          RestOperationTypeEnum.HISTORY_INSTANCE);
  static final Set<RestOperationTypeEnum> SEARCHES =
      Set.of(
          RestOperationTypeEnum.SEARCH_TYPE,
          RestOperationTypeEnum.SEARCH_SYSTEM,
          RestOperationTypeEnum.GET_PAGE,
          RestOperationTypeEnum.HISTORY_TYPE,
          RestOperationTypeEnum.HISTORY_SYSTEM);
  static final Set<RestOperationTypeEnum> UPDATES =
      Set.of(RestOperationTypeEnum.UPDATE, RestOperationTypeEnum.PATCH);

  private final Set<RestOperationTypeEnum> operations;
  private final Set<String> excludedTypes;
  private final Predicate<IBaseResource> resources;

  RuleScope(
      Set<RestOperationTypeEnum> operations,
      Set<String> excludedTypes,
      Predicate<IBaseResource> resources) {
    this.operations = operations;
    this.excludedTypes = excludedTypes;
    this.resources = resources;
  }

  static RuleScope only(Set<RestOperationTypeEnum> operations) {
    return new RuleScope(operations, Set.of(), resource -> true);
  }

  RuleScope excluding(Set<String> types) {
    return new RuleScope(operations, types, resources);
  }

  RuleScope letting(Predicate<IBaseResource> allowed) {
    return new RuleScope(operations, excludedTypes, allowed);
  }

  @Override
  public boolean matches(RuleTestRequest request) {
    return operations.contains(request.operation)
        && !excludedType(request.requestDetails.getResourceName())
        && !excluded(request.resourceId)
        && (request.resource == null
            || (!excluded(request.resource.getIdElement())
                && !excludedType(request.resource.fhirType())
                && resources.test(request.resource)));
  }

  @Override
  public boolean matchesOutput(RuleTestRequest request) {
    return operations.contains(request.operation)
        && request.resource != null
        && !excludedType(request.resource.fhirType())
        && resources.test(request.resource);
  }

  private boolean excluded(IIdType id) {
    return id != null && id.hasResourceType() && excludedType(id.getResourceType());
  }

  private boolean excludedType(String type) {
    return type != null && excludedTypes.contains(type);
  }
}
