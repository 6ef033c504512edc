package org.patientedu.security;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One SMART system scope, such as {@code system/Library.cu} (SMART v2) or {@code
 * system/Library.write} (v1). Parsed by hand: neither Spring Security (which sees scopes as opaque
 * strings) nor HAPI knows SMART's scope grammar.
 *
 * <p>Only system scopes of whole resource types are understood; {@code patient/} and {@code user/}
 * scopes, granular scopes ({@code ?category=...}) and anything else are not scopes of this server.
 *
 * <p>The audit trail (AuditEvent, and Provenance, which records who changed content) is readable
 * only through an explicit {@code system/AuditEvent.rs}: a wildcard {@code system/*.rs} does not
 * reach it, and nothing may write it over REST.
 *
 * @param resourceType a FHIR resource type, or {@code *} for every type but the audit trail
 * @param permissions what the scope allows on that type
 */
public record SmartScope(String resourceType, Set<Permission> permissions) {

  /** SMART v2 permission letters, in the order the grammar requires ({@code cruds}). */
  public enum Permission {
    CREATE('c'),
    READ('r'),
    UPDATE('u'),
    DELETE('d'),
    SEARCH('s');

    private final char letter;

    Permission(char letter) {
      this.letter = letter;
    }

    static Optional<Permission> of(char letter) {
      for (Permission permission : values()) {
        if (permission.letter == letter) {
          return Optional.of(permission);
        }
      }
      return Optional.empty();
    }
  }

  static final String ANY_TYPE = "*";
  static final String AUDIT_SCOPE_TYPE = "AuditEvent";
  static final Set<String> AUDIT_TRAIL_TYPES = Set.of("AuditEvent", "Provenance");

  private static final Pattern SYSTEM_SCOPE =
      Pattern.compile("system/([A-Z][A-Za-z]{1,63}|\\*)\\.([a-z]+|\\*)");

  /** Empty when the text is not a system scope this server understands. */
  public static Optional<SmartScope> parse(String text) {
    Matcher matcher = SYSTEM_SCOPE.matcher(text);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    return permissions(matcher.group(2)).map(granted -> new SmartScope(matcher.group(1), granted));
  }

  /** v1 {@code read}, {@code write}, {@code *}; v2 letters, each at most once, in cruds order. */
  private static Optional<Set<Permission>> permissions(String text) {
    switch (text) {
      case "read":
        return Optional.of(EnumSet.of(Permission.READ, Permission.SEARCH));
      case "write":
        return Optional.of(EnumSet.of(Permission.CREATE, Permission.UPDATE, Permission.DELETE));
      case "*":
        return Optional.of(EnumSet.allOf(Permission.class));
      default:
        break;
    }
    EnumSet<Permission> granted = EnumSet.noneOf(Permission.class);
    Permission previous = null;
    for (char letter : text.toCharArray()) {
      Optional<Permission> permission = Permission.of(letter);
      if (permission.isEmpty()
          || (previous != null && permission.get().ordinal() <= previous.ordinal())) {
        return Optional.empty(); // unknown letter, repeated or out of cruds order
      }
      granted.add(permission.get());
      previous = permission.get();
    }
    return Optional.of(granted);
  }

  /** Whether this scope allows {@code permission} on resources of {@code type}. */
  public boolean allows(String type, Permission permission) {
    return reaches(type) && permissions.contains(permission) && withinAuditRules(type, permission);
  }

  /** Whether a client allowed this scope may be granted {@code requested} (token endpoint). */
  boolean covers(SmartScope requested) {
    boolean sameTarget =
        resourceType.equals(requested.resourceType)
            || (isWildcard() && !AUDIT_TRAIL_TYPES.contains(requested.resourceType));
    return sameTarget && permissions.containsAll(requested.permissions);
  }

  boolean isWildcard() {
    return ANY_TYPE.equals(resourceType);
  }

  private boolean reaches(String type) {
    if (AUDIT_TRAIL_TYPES.contains(type)) {
      return AUDIT_SCOPE_TYPE.equals(resourceType);
    }
    return isWildcard() || resourceType.equals(type);
  }

  private static boolean withinAuditRules(String type, Permission permission) {
    return !AUDIT_TRAIL_TYPES.contains(type)
        || permission == Permission.READ
        || permission == Permission.SEARCH;
  }
}
