package org.patientedu.handouts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Map;
import org.patientedu.education.HandoutAddresses;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * One handout: the web page at {@code /handouts/{id}} and its PDF at {@code /handouts/{id}.pdf}.
 */
@Controller
class HandoutController {

  static final String TEMPLATE = "handouts/handout";

  private final HandoutPages pages;
  private final HandoutPdfRenderer pdfRenderer;
  private final RecordGivenForm recordGivenForm;

  HandoutController(
      HandoutPages pages, HandoutPdfRenderer pdfRenderer, RecordGivenForm recordGivenForm) {
    this.pages = pages;
    this.pdfRenderer = pdfRenderer;
    this.recordGivenForm = recordGivenForm;
  }

  /**
   * The page; opened from a CDS Hooks card with a valid record-as-given ticket, also its "Record as
   * given" form (never on paper or in the PDF).
   */
  @GetMapping("/handouts/{id}")
  String handout(
      @PathVariable String id,
      @RequestParam(name = "print", required = false) String print,
      @RequestParam(name = "paper", required = false) String paper,
      @RequestParam(name = HandoutAddresses.TICKET_PARAMETER, required = false) String ticket,
      Locale locale,
      Model model,
      HttpServletResponse response) {
    model.addAllAttributes(pages.model(id, PrintOptions.of(print, paper, locale), false, locale));
    if (ticket != null) {
      // a page holding a ticket is never stored by a cache
      response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
      model.addAllAttributes(recordGivenForm.model(id, ticket));
    }
    return TEMPLATE;
  }

  @GetMapping("/handouts/{id}.pdf")
  ResponseEntity<byte[]> pdf(
      @PathVariable String id,
      @RequestParam(name = "print", required = false) String print,
      @RequestParam(name = "paper", required = false) String paper,
      Locale locale,
      HttpServletRequest request,
      HttpServletResponse response) {
    PrintOptions options = PrintOptions.of(print, paper, locale);
    Map<String, Object> model = pages.model(id, options, true, locale);
    model.put("pdfCss", pdfRenderer.css(options));
    byte[] pdf = pdfRenderer.render(TEMPLATE, model, locale, request, response);
    String filename = id + (options.largePrint() ? "-large-print" : "") + ".pdf";
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline().filename(filename).build().toString())
        .cacheControl(CacheControl.noCache())
        .body(pdf);
  }

  @ExceptionHandler(HandoutNotFoundException.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String notFound() {
    return "error/404";
  }

  @ExceptionHandler(HandoutNotApprovedException.class)
  @ResponseStatus(HttpStatus.FORBIDDEN)
  String notApproved() {
    return "error/not-approved";
  }
}
