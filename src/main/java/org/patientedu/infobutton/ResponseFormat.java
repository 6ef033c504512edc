package org.patientedu.infobutton;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The answer formats of the URL-based Infobutton guide, as MedlinePlus Connect serves them. */
enum ResponseFormat {
  /** Atom 1.0, the default. */
  XML("text/xml", "text/xml;charset=UTF-8"),
  /** The Atom feed as MedlinePlus Connect writes it in JSON. */
  JSON("application/json", "application/json;charset=UTF-8"),
  /** The JSON wrapped in a call to the request's callback. */
  JSONP("application/javascript", "application/javascript;charset=UTF-8");

  private final String requestValue;
  private final String contentType;

  ResponseFormat(String requestValue, String contentType) {
    this.requestValue = requestValue;
    this.contentType = contentType;
  }

  /** The value of knowledgeResponseType that asks for it. */
  String requestValue() {
    return requestValue;
  }

  String contentType() {
    return contentType;
  }

  /** By knowledgeResponseType, case-insensitive; empty when the value names no format we serve. */
  static Optional<ResponseFormat> of(String knowledgeResponseType) {
    String wanted = knowledgeResponseType.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(f -> f.requestValue.equals(wanted)).findFirst();
  }
}
