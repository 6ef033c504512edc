package org.patientedu.handouts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The review states a nurse can filter the catalog on. "Not medically reviewed" takes in every page
 * no named clinician reviewed: never reviewed, and reviewed by the publisher only.
 */
public enum ReviewFilter {
  CURRENT("current", Set.of(ReviewState.CURRENT)),
  DUE_SOON("due-soon", Set.of(ReviewState.DUE_SOON)),
  OVERDUE("overdue", Set.of(ReviewState.OVERDUE)),
  NOT_MEDICALLY_REVIEWED(
      "not-medically-reviewed", Set.of(ReviewState.NEVER_REVIEWED, ReviewState.PUBLISHER_REVIEWED)),
  PUBLISHER_REVIEWED("publisher-reviewed", Set.of(ReviewState.PUBLISHER_REVIEWED)),
  NEVER_REVIEWED("never-reviewed", Set.of(ReviewState.NEVER_REVIEWED));

  private final String code;
  private final Set<ReviewState> states;

  ReviewFilter(String code, Set<ReviewState> states) {
    this.code = code;
    this.states = states;
  }

  /**
   * The value in the query string ({@code ?review=not-medically-reviewed}), and the message key.
   */
  public String code() {
    return code;
  }

  boolean accepts(ReviewState state) {
    return states.contains(state);
  }

  static Optional<ReviewFilter> fromCode(String code) {
    return Arrays.stream(values()).filter(f -> f.code.equals(code)).findFirst();
  }

  /**
   * The choices the catalog's form offers. The two narrower ones work in links too; when one is in
   * effect it is offered as well, chosen, so the form shows the filter the list was made with (and
   * sending the form again keeps it).
   */
  static List<ReviewFilter> offered(ReviewFilter inEffect) {
    List<ReviewFilter> offered =
        new ArrayList<>(List.of(CURRENT, DUE_SOON, OVERDUE, NOT_MEDICALLY_REVIEWED));
    if (inEffect != null && !offered.contains(inEffect)) {
      offered.add(inEffect);
    }
    return offered;
  }
}
