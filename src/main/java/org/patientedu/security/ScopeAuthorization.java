package org.patientedu.security;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.interceptor.auth.AuthorizationInterceptor;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRule;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRuleBuilder;
import ca.uhn.fhir.rest.server.interceptor.auth.PolicyEnum;
import ca.uhn.fhir.rest.server.interceptor.auth.RuleBuilder;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.ValueSet;
import org.patientedu.contentpack.PackTerminology;
import org.patientedu.review.LifecycleOperations;
import org.patientedu.review.ReviewReportOperation;
import org.patientedu.security.SmartScope.Permission;

/**
 * SMART scopes as HAPI authorization rules, deny by default: whatever no rule allows is refused,
 * 401 to an anonymous caller, 403 to a token without the scope. The mapping from scopes to rules is
 * written here by hand (HAPI has the rules, not SMART); HAPI applies them to every request, to each
 * entry of a batch or transaction, to what a write stores and to every resource a read, search or
 * history lets out.
 *
 * <ul>
 *   <li>Everyone: the CapabilityStatement; with {@code edu.security.public-read}, reading and
 *       searching the published catalog ({@link CatalogMaterial}) and the review report.
 *   <li>{@code system/T.r}: read, vread and instance history of T; {@code .s}: search and history
 *       of T; {@code .c}: create; {@code .u}: update and patch; {@code .d}: delete.
 *   <li>{@code system/Library.u}: the lifecycle operations ($review, $approve, $retire) and the CDS
 *       Hooks feedback report.
 *   <li>{@code system/DocumentReference.c} and {@code system/Procedure.c}: {@code $record-given}.
 *   <li>{@code system/AuditEvent.rs}: AuditEvent and Provenance, read only.
 *   <li>Batch and transaction: each entry as if sent alone.
 *   <li>Nothing else: $expunge, $reindex, $meta and the like have no rule.
 * </ul>
 */
@Interceptor
final class ScopeAuthorization extends AuthorizationInterceptor {

  private static final List<String> LIFECYCLE_OPERATIONS =
      List.of(LifecycleOperations.REVIEW, LifecycleOperations.APPROVE, LifecycleOperations.RETIRE);

  /** HAPI's authorization does not look at these; they are refused here instead. */
  private static final Set<RestOperationTypeEnum> META_OPERATIONS =
      EnumSet.of(
          RestOperationTypeEnum.META,
          RestOperationTypeEnum.META_ADD,
          RestOperationTypeEnum.META_DELETE,
          RestOperationTypeEnum.GET_TAGS,
          RestOperationTypeEnum.ADD_TAGS,
          RestOperationTypeEnum.DELETE_TAGS);

  private final boolean publicRead;

  ScopeAuthorization(boolean publicRead) {
    super(PolicyEnum.DENY);
    this.publicRead = publicRead;
  }

  @Override
  public List<IAuthRule> buildRuleList(RequestDetails request) {
    return rulesFor(SmartCaller.current());
  }

  List<IAuthRule> rulesFor(Grant grant) {
    IAuthRuleBuilder rules = new RuleBuilder();
    rules.allow("capability statement").metadata();
    if (publicRead) {
      RuleScope publicMaterial =
          RuleScope.only(union(RuleScope.READS, PUBLIC_SEARCHES))
              .letting(CatalogMaterial::isPublic);
      for (String type : publicTypes()) {
        rules
            .allow("public catalog: " + type)
            .read()
            .resourcesOfType(type)
            .withAnyId()
            .withTester(publicMaterial);
      }
    }
    if (publicRead || grant.allows("ValueSet", Permission.READ)) {
      allowTerminologyOperations(rules);
    }
    if (publicRead || grant.allows("Library", Permission.SEARCH)) {
      rules
          .allow("review report")
          .operation()
          .named(ReviewReportOperation.NAME)
          .onServer()
          .andAllowAllResponses();
    }
    for (SmartScope scope : grant.scopes()) {
      addScope(rules, scope);
    }
    if (grant.allows("Library", Permission.UPDATE)) {
      rules
          .allow("system/Library.u: " + PackTerminology.OPERATION_CDS_FEEDBACK_REPORT)
          .operation()
          .named(PackTerminology.OPERATION_CDS_FEEDBACK_REPORT)
          .onServer()
          .andAllowAllResponses();
      for (String operation : LIFECYCLE_OPERATIONS) {
        rules
            .allow("system/Library.u: " + operation)
            .operation()
            .named(operation)
            .onInstancesOfType(Library.class)
            .andAllowAllResponses();
      }
    }
    if (grant.allows("DocumentReference", Permission.CREATE)
        && grant.allows("Procedure", Permission.CREATE)) {
      // The operation's own writes are checked again, one by one, against the same scopes.
      rules
          .allow(
              "system/DocumentReference.c and system/Procedure.c: "
                  + PackTerminology.OPERATION_RECORD_GIVEN)
          .operation()
          .named(PackTerminology.OPERATION_RECORD_GIVEN)
          .onInstancesOfType(Library.class)
          .andAllowAllResponses();
    }
    if (!grant.isAnonymous()) {
      rules.allow("batch and transaction").transaction().withAnyOperation().andApplyNormalRules();
    }
    return rules.build();
  }

  /**
   * The code families' terminology operations answer from the guide's definitions, never from
   * patient data, so they are as public as the value sets themselves (an integrator expands {@code
   * labor-codes} to build its own mapping).
   */
  private static void allowTerminologyOperations(IAuthRuleBuilder rules) {
    for (String operation : TERMINOLOGY_OPERATIONS) {
      for (Class<? extends IBaseResource> type : List.of(ValueSet.class, CodeSystem.class)) {
        rules
            .allow("terminology: " + operation + " on " + type.getSimpleName())
            .operation()
            .named(operation)
            .onType(type)
            .andAllowAllResponses();
        rules
            .allow("terminology: " + operation + " on a " + type.getSimpleName())
            .operation()
            .named(operation)
            .onInstancesOfType(type)
            .andAllowAllResponses();
      }
    }
  }

  private static final List<String> TERMINOLOGY_OPERATIONS =
      List.of("$expand", "$lookup", "$validate-code", "$subsumes");

  private static List<String> publicTypes() {
    List<String> types = new java.util.ArrayList<>(CatalogMaterial.CATALOG_TYPES);
    types.addAll(CatalogMaterial.CONFORMANCE_TYPES);
    return types;
  }

  /** A new search by the public may not reach history beyond one resource's. */
  private static final Set<RestOperationTypeEnum> PUBLIC_SEARCHES =
      EnumSet.of(RestOperationTypeEnum.SEARCH_TYPE, RestOperationTypeEnum.GET_PAGE);

  private static void addScope(IAuthRuleBuilder rules, SmartScope scope) {
    boolean wildcard = scope.isWildcard();
    // The audit scope reads the whole audit trail; other scopes (a wildcard too) never reach it.
    List<String> types =
        SmartScope.AUDIT_SCOPE_TYPE.equals(scope.resourceType())
            ? List.copyOf(SmartScope.AUDIT_TRAIL_TYPES)
            : List.of(scope.resourceType());
    Set<String> excluded = wildcard ? SmartScope.AUDIT_TRAIL_TYPES : Set.of();
    boolean auditTrail = SmartScope.AUDIT_TRAIL_TYPES.contains(scope.resourceType());
    for (String type : types) {
      String name = "system/" + scope.resourceType() + " on " + type + ": ";
      Set<RestOperationTypeEnum> reads = new HashSet<>();
      if (scope.permissions().contains(Permission.READ)) {
        reads.addAll(RuleScope.READS);
      }
      if (scope.permissions().contains(Permission.SEARCH)) {
        reads.addAll(RuleScope.SEARCHES);
      }
      if (!reads.isEmpty()) {
        target(rules.allow(name + "read").read(), type, wildcard)
            .withAnyId()
            .withTester(RuleScope.only(reads).excluding(excluded));
      }
      if (auditTrail) {
        continue; // read only, whatever the scope says
      }
      if (scope.permissions().contains(Permission.CREATE)) {
        target(rules.allow(name + "create").create(), type, wildcard)
            .withAnyId()
            .withTester(
                RuleScope.only(EnumSet.of(RestOperationTypeEnum.CREATE)).excluding(excluded));
      }
      if (scope.permissions().contains(Permission.UPDATE)) {
        target(rules.allow(name + "update").write(), type, wildcard)
            .withAnyId()
            .withTester(RuleScope.only(RuleScope.UPDATES).excluding(excluded));
      }
      if (scope.permissions().contains(Permission.DELETE)) {
        target(rules.allow(name + "delete").delete(), type, wildcard)
            .withAnyId()
            .withTester(
                RuleScope.only(EnumSet.of(RestOperationTypeEnum.DELETE)).excluding(excluded));
      }
    }
  }

  private static <T> T target(
      ca.uhn.fhir.rest.server.interceptor.auth.IAuthRuleBuilderAppliesTo<T> rule,
      String type,
      boolean wildcard) {
    return wildcard ? rule.allResources() : rule.resourcesOfType(type);
  }

  /** Operations HAPI's rules do not cover: tags and meta are refused, validation needs c or u. */
  @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
  public void refuseWhatRulesDoNotCover(RequestDetails request, RestOperationTypeEnum operation) {
    Grant grant = SmartCaller.current();
    if (META_OPERATIONS.contains(operation)) {
      throw FhirRefusals.refuse(grant, describe(request));
    }
    if (operation == RestOperationTypeEnum.VALIDATE) {
      String type = request.getResourceName();
      if (type == null
          || !(grant.allows(type, Permission.CREATE) || grant.allows(type, Permission.UPDATE))) {
        throw FhirRefusals.refuse(grant, describe(request));
      }
    }
  }

  @Override
  protected void handleDeny(RequestDetails request, Verdict decision) {
    throw FhirRefusals.refuse(SmartCaller.current(), describe(request));
  }

  private static String describe(RequestDetails request) {
    RestOperationTypeEnum operation = request.getRestOperationType();
    String path = request.getRequestPath();
    return (operation == null ? request.getRequestType().name() : operation.getCode())
        + (path == null || path.isEmpty() ? "" : " " + path);
  }

  private static Set<RestOperationTypeEnum> union(
      Set<RestOperationTypeEnum> first, Set<RestOperationTypeEnum> second) {
    Set<RestOperationTypeEnum> all = new HashSet<>(first);
    all.addAll(second);
    return all;
  }
}
