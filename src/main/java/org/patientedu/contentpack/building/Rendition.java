package org.patientedu.contentpack.building;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * One printable rendition of a page and the Binary that carries it.
 *
 * @param binaryId e.g. oxytocin-healthwise-html
 * @param contentType with charset, e.g. text/html; charset=utf-8
 * @param title attachment title
 * @param bytes UTF-8 content
 * @param language the rendition's language when it is a translation, null for the page's own
 */
public record Rendition(
    String binaryId, String contentType, String title, byte[] bytes, String language) {

  public Rendition(String binaryId, String contentType, String title, byte[] bytes) {
    this(binaryId, contentType, title, bytes, null);
  }

  public static final String HTML_TYPE = "text/html; charset=utf-8";
  public static final String TEXT_TYPE = "text/plain; charset=utf-8";

  public int size() {
    return bytes.length;
  }

  /** SHA-1 of the bytes, as FHIR Attachment.hash wants it (raw digest; base64 in JSON). */
  public byte[] sha1() {
    try {
      return MessageDigest.getInstance("SHA-1").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is always available in the JDK", e);
    }
  }
}
