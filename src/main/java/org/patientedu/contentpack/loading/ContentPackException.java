package org.patientedu.contentpack.loading;

/** A pack file that cannot be loaded; the message names the file and the problem. */
public class ContentPackException extends RuntimeException {
  public ContentPackException(String message) {
    super(message);
  }

  public ContentPackException(String message, Throwable cause) {
    super(message, cause);
  }
}
