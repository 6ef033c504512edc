package org.patientedu.contentpack.building;

import java.util.List;
import org.patientedu.contentpack.page.Credits;
import org.patientedu.contentpack.page.Person;

/**
 * What the source itself says about review (at import; the server's verdict against the review
 * policy is review.ReviewStatus), and the plain sentence every rendition and narrative uses for it,
 * so a printed handout and the FHIR resource never disagree.
 */
public enum SourceReview {
  /** Review date and named medical reviewers (Healthwise). */
  MEDICALLY_REVIEWED,
  /** Review date but no named reviewer (Go Ask Alice "Last reviewed on"). */
  REVIEWED_NO_NAMED_REVIEWER,
  /** No review stated: the entry stays a draft. */
  NOT_REVIEWED;

  public static SourceReview of(Credits credits) {
    if (credits.lastReviewed() == null) {
      return NOT_REVIEWED;
    }
    return credits.reviewers().isEmpty() ? REVIEWED_NO_NAMED_REVIEWER : MEDICALLY_REVIEWED;
  }

  /**
   * The source names its medical reviewers and the review's date: the page may be in use as
   * imported (Library active, DocumentReference final). Any other page is a draft until a named
   * clinician reviews it on the server ($review, then $approve).
   */
  public boolean inUse() {
    return this == MEDICALLY_REVIEWED;
  }

  /** One honest sentence, e.g. "Written by an AI tool (ChatGPT); not medically reviewed." */
  public static String statement(Credits credits) {
    SourceReview state = of(credits);
    List<String> aiTools =
        credits.authors().stream().filter(Person::aiTool).map(Person::name).toList();
    String ai =
        aiTools.isEmpty() ? "" : "Written by an AI tool (" + String.join(", ", aiTools) + ")";
    String review =
        switch (state) {
          case NOT_REVIEWED -> "not medically reviewed";
          case REVIEWED_NO_NAMED_REVIEWER ->
              "last reviewed by the publisher on "
                  + credits.lastReviewed().display()
                  + "; no medical reviewer is named";
          case MEDICALLY_REVIEWED ->
              "medically reviewed ("
                  + credits.lastReviewedLabel()
                  + ": "
                  + credits.lastReviewed().display()
                  + ")";
        };
    return ai.isEmpty() ? capitalize(review) + "." : ai + "; " + review + ".";
  }

  private static String capitalize(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
