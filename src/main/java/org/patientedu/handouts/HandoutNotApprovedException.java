package org.patientedu.handouts;

/**
 * The ward shows approved material only (edu.handouts.approved-only) and this handout is a draft:
 * shown as a page that says so, never as the handout.
 */
final class HandoutNotApprovedException extends RuntimeException {

  HandoutNotApprovedException(String id) {
    super("Handout " + id + " is not approved for use", null, false, false);
  }
}
