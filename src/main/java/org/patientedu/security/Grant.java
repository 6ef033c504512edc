package org.patientedu.security;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.patientedu.security.SmartScope.Permission;

/**
 * What one caller may do: the client it authenticated as and the SMART scopes its token grants.
 * Anonymous callers have no client and no scopes (what the public may read is decided by {@link
 * CatalogMaterial} and {@code edu.security.public-read}, not by a grant).
 *
 * @param clientId the SMART client id, or null when anonymous
 * @param scopes the scopes granted, as understood by this server
 * @param scopeText the scopes as the token states them, for messages and the audit trail
 */
public record Grant(String clientId, List<SmartScope> scopes, String scopeText) {

  private static final Grant ANONYMOUS = new Grant(null, List.of(), "");

  public static Grant anonymous() {
    return ANONYMOUS;
  }

  /**
   * A grant for {@code scopeText} (space-separated); scopes this server does not know are kept out.
   */
  public static Grant of(String clientId, String scopeText) {
    List<SmartScope> scopes =
        List.of(scopeText.trim().split("\\s+")).stream()
            .map(SmartScope::parse)
            .flatMap(Optional::stream)
            .toList();
    return new Grant(clientId, scopes, scopeText.trim());
  }

  public boolean isAnonymous() {
    return clientId == null;
  }

  public boolean allows(String resourceType, Permission permission) {
    return scopes.stream().anyMatch(scope -> scope.allows(resourceType, permission));
  }

  /** The resource types named by the scopes, the wildcard included. */
  List<String> resourceTypes() {
    return scopes.stream().map(SmartScope::resourceType).distinct().collect(Collectors.toList());
  }
}
