package org.patientedu.educationgiven;

import ca.uhn.fhir.context.FhirContext;
import java.util.HashSet;
import java.util.Set;
import org.springframework.beans.factory.InitializingBean;

/**
 * HAPI's parser drops the version from every reference it writes unless told where not to: the
 * education-given record points at the exact catalog versions given ({@code .../_history/n}), in a
 * card's suggestion and in the store alike, so those two paths keep theirs.
 */
final class VersionedReferences implements InitializingBean {

  static final Set<String> PATHS =
      Set.of("DocumentReference.context.related", "DocumentReference.relatesTo.target");

  private final FhirContext fhirContext;

  VersionedReferences(FhirContext fhirContext) {
    this.fhirContext = fhirContext;
  }

  @Override
  public void afterPropertiesSet() {
    Set<String> paths =
        new HashSet<>(fhirContext.getParserOptions().getDontStripVersionsFromReferencesAtPaths());
    paths.addAll(PATHS);
    fhirContext.getParserOptions().setDontStripVersionsFromReferencesAtPaths(paths);
  }
}
