package org.patientedu.handouts;

/** No handout has this id; shown as the friendly 404 page. */
final class HandoutNotFoundException extends RuntimeException {

  HandoutNotFoundException(String id) {
    super("No handout with id " + id, null, false, false);
  }
}
