package org.patientedu.handouts;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The links of a handout page, context-relative ({@code @{...}} in the template adds the context
 * path): the page in the other print size, its PDF on either paper, and the print action.
 */
public record HandoutLinks(
    String page, String otherSize, String pdf, String pdfLetter, String pdfA4) {

  static HandoutLinks of(String id, PrintOptions print) {
    String page = "/handouts/" + id;
    String pdf = page + ".pdf";
    return new HandoutLinks(
        withPrint(page, print.largePrint(), null),
        withPrint(page, !print.largePrint(), null),
        withPrint(pdf, print.largePrint(), print.paper()),
        withPrint(pdf, print.largePrint(), PrintOptions.Paper.LETTER),
        withPrint(pdf, print.largePrint(), PrintOptions.Paper.A4));
  }

  private static String withPrint(String path, boolean large, PrintOptions.Paper paper) {
    UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
    if (large) {
      uri.queryParam("print", "large");
    }
    if (paper != null) {
      uri.queryParam("paper", paper.code());
    }
    return uri.encode().build().toUriString();
  }
}
