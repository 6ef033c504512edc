package org.patientedu.handouts;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.patientedu.education.HandoutAddresses;
import org.springframework.stereotype.Component;

/**
 * Everything the handout template needs, for the web page and the PDF alike, read fresh from the
 * FHIR store on each request.
 */
@Component
class HandoutPages {

  private final HandoutCatalog catalog;
  private final Clock clock;
  private final HandoutAddresses addresses;

  HandoutPages(HandoutCatalog catalog, Clock clock, HandoutAddresses addresses) {
    this.catalog = catalog;
    this.clock = clock;
    this.addresses = addresses;
  }

  /**
   * The template variables for one handout.
   *
   * @throws HandoutNotFoundException when no Library has this id
   */
  Map<String, Object> model(
      String id, PrintOptions print, boolean pdf, HttpServletRequest request) {
    Handout handout = catalog.get(id).orElseThrow(() -> new HandoutNotFoundException(id));
    String article = catalog.article(handout);
    String onlineUrl = addresses.page(handout.id(), request);

    Map<String, Object> model = new LinkedHashMap<>();
    model.put("h", handout);
    model.put("article", article);
    model.put("print", print);
    model.put("links", HandoutLinks.of(handout.id(), print));
    model.put("pdf", pdf);
    model.put("onlineUrl", onlineUrl);
    model.put("qr", pdf ? QrCodes.pngDataUri(onlineUrl) : QrCodes.svg(onlineUrl));
    model.put("printedOn", StatedDate.of(LocalDate.now(clock)));
    return model;
  }
}
