package org.patientedu.review;

import org.patientedu.contentpack.PackTerminology;

/** URL of the extension that carries review currency (readability ones are in PackTerminology). */
public final class ReviewExtensions {

  private ReviewExtensions() {}

  public static final String REVIEW_STATUS =
      PackTerminology.CANONICAL_BASE + "/StructureDefinition/review-status";
}
