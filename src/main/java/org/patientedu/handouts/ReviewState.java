package org.patientedu.handouts;

import java.util.Arrays;
import java.util.Optional;
import org.patientedu.review.ReviewStatus;

/**
 * The review state a handout shows, as the server stamped it (extension review-status). The pages
 * never compute it: they read the code, and only a page with no review date at all and no stamp yet
 * counts as never reviewed.
 */
public enum ReviewState {
  // The server's codes (review.ReviewStatus), one source of truth; the UI adds only "unknown".
  CURRENT(ReviewStatus.CURRENT.code(), false),
  DUE_SOON(ReviewStatus.DUE_SOON.code(), false),
  OVERDUE(ReviewStatus.OVERDUE.code(), true),
  PUBLISHER_REVIEWED(ReviewStatus.PUBLISHER_REVIEWED.code(), true),
  NEVER_REVIEWED(ReviewStatus.NEVER_REVIEWED.code(), true),
  /** Reviewed once, but the server has not stamped a verdict yet. */
  UNKNOWN("unknown", false);

  private final String code;
  private final boolean warning;

  ReviewState(String code, boolean warning) {
    this.code = code;
    this.warning = warning;
  }

  /** The code in URLs and CSS classes, and the suffix of the message keys. */
  public String code() {
    return code;
  }

  /** Whether the handout must carry a prominent warning banner. */
  public boolean warning() {
    return warning;
  }

  /** A named clinician reviewed the page (whether or not that review is still current). */
  public boolean medicallyReviewed() {
    return this == CURRENT || this == DUE_SOON || this == OVERDUE;
  }

  static Optional<ReviewState> fromCode(String code) {
    return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
  }
}
