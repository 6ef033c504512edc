package org.patientedu.infobutton;

/** A request the responder cannot answer; the message tells the caller what to fix (400). */
class BadInfobuttonRequest extends RuntimeException {

  private final ErrorFormat format;

  BadInfobuttonRequest(String message, ErrorFormat format) {
    super(message);
    this.format = format;
  }

  /** The format to answer the error in: the one asked for, as far as the request could be read. */
  ErrorFormat format() {
    return format;
  }
}
