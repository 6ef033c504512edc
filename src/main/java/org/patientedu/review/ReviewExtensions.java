package org.patientedu.review;

import org.patientedu.contentpack.PackTerminology;

/** URLs of the extensions that carry review currency and readability. */
public final class ReviewExtensions {

  private ReviewExtensions() {}

  public static final String REVIEW_STATUS = PackTerminology.CANONICAL_BASE + "/StructureDefinition/review-status";
  public static final String READING_GRADE_LEVEL =
      PackTerminology.CANONICAL_BASE + "/StructureDefinition/reading-grade-level";
  public static final String WORD_COUNT = PackTerminology.CANONICAL_BASE + "/StructureDefinition/word-count";
  public static final String READING_TIME_MINUTES =
      PackTerminology.CANONICAL_BASE + "/StructureDefinition/reading-time-minutes";
}
