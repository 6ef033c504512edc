package org.patientedu.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.patientedu.security.SmartScope.Permission;

class SmartScopeTest {

  @Test
  void readsSmartV2Permissions() {
    assertThat(SmartScope.parse("system/Library.cu"))
        .hasValue(new SmartScope("Library", EnumSet.of(Permission.CREATE, Permission.UPDATE)));
    assertThat(SmartScope.parse("system/AuditEvent.rs"))
        .hasValue(new SmartScope("AuditEvent", EnumSet.of(Permission.READ, Permission.SEARCH)));
    assertThat(SmartScope.parse("system/*.cruds"))
        .hasValue(new SmartScope("*", EnumSet.allOf(Permission.class)));
  }

  @Test
  void readsSmartV1Permissions() {
    assertThat(SmartScope.parse("system/Patient.read"))
        .hasValue(new SmartScope("Patient", EnumSet.of(Permission.READ, Permission.SEARCH)));
    assertThat(SmartScope.parse("system/Library.write"))
        .hasValue(
            new SmartScope(
                "Library", EnumSet.of(Permission.CREATE, Permission.UPDATE, Permission.DELETE)));
    assertThat(SmartScope.parse("system/Library.*"))
        .hasValue(new SmartScope("Library", EnumSet.allOf(Permission.class)));
  }

  @Test
  void refusesWhatIsNotASystemScopeOfThisServer() {
    assertThat(SmartScope.parse("patient/Library.rs")).isEmpty();
    assertThat(SmartScope.parse("user/Library.rs")).isEmpty();
    assertThat(SmartScope.parse("system/Library.rs?category=x")).as("granular").isEmpty();
    assertThat(SmartScope.parse("system/Library.sr")).as("out of cruds order").isEmpty();
    assertThat(SmartScope.parse("system/Library.rr")).as("repeated").isEmpty();
    assertThat(SmartScope.parse("system/Library.x")).isEmpty();
    assertThat(SmartScope.parse("system/Library.")).isEmpty();
    assertThat(SmartScope.parse("openid")).isEmpty();
    assertThat(SmartScope.parse("launch/patient")).isEmpty();
  }

  @Test
  void theAuditTrailIsReadOnlyAndOnlyThroughTheAuditScope() {
    SmartScope audit = SmartScope.parse("system/AuditEvent.cruds").orElseThrow();
    assertThat(audit.allows("AuditEvent", Permission.READ)).isTrue();
    assertThat(audit.allows("Provenance", Permission.SEARCH)).isTrue();
    assertThat(audit.allows("AuditEvent", Permission.CREATE)).isFalse();
    assertThat(audit.allows("Provenance", Permission.DELETE)).isFalse();

    SmartScope everything = SmartScope.parse("system/*.cruds").orElseThrow();
    assertThat(everything.allows("Basic", Permission.DELETE)).isTrue();
    assertThat(everything.allows("AuditEvent", Permission.READ)).isFalse();
    assertThat(everything.allows("Provenance", Permission.SEARCH)).isFalse();
    assertThat(
            SmartScope.parse("system/Provenance.rs")
                .orElseThrow()
                .allows("Provenance", Permission.READ))
        .as("Provenance is read with system/AuditEvent.rs, not its own scope")
        .isFalse();
  }

  @Test
  void aClientMayBeGrantedAnyPartOfWhatItIsAllowed() {
    SmartScope allowed = SmartScope.parse("system/Library.cruds").orElseThrow();
    assertThat(allowed.covers(SmartScope.parse("system/Library.rs").orElseThrow())).isTrue();
    assertThat(allowed.covers(SmartScope.parse("system/Library.read").orElseThrow())).isTrue();
    assertThat(allowed.covers(SmartScope.parse("system/Binary.rs").orElseThrow())).isFalse();

    SmartScope readOnly = SmartScope.parse("system/Library.rs").orElseThrow();
    assertThat(readOnly.covers(SmartScope.parse("system/Library.write").orElseThrow())).isFalse();

    SmartScope wildcard = SmartScope.parse("system/*.rs").orElseThrow();
    assertThat(wildcard.covers(SmartScope.parse("system/Patient.r").orElseThrow())).isTrue();
    assertThat(wildcard.covers(SmartScope.parse("system/AuditEvent.rs").orElseThrow())).isFalse();
  }
}
