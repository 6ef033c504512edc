package org.patientedu.ig;

import ca.uhn.fhir.context.FhirContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * The implementation guide on the web: the FHIR package for integrators ({@code /ig/package.tgz},
 * {@code /ig/<version>/package.tgz}) and the same content for people ({@code /ig/}, {@code
 * /ig/pages/<page>}).
 */
@Controller
@RequestMapping("/ig")
class IgController {

  static final MediaType GZIP = MediaType.parseMediaType("application/gzip");

  private final IgPackage igPackage;
  private final IgGuide guide;

  IgController(IgPackage igPackage, FhirContext fhirContext) {
    this.igPackage = igPackage;
    this.guide = new IgGuide(igPackage, fhirContext);
  }

  @GetMapping({"", "/"})
  String guide(Model model) {
    model.addAttribute("guide", guide);
    return "ig/guide";
  }

  @GetMapping("/pages/{page}")
  String page(@PathVariable String page, Model model) {
    String markdown =
        guide
            .markdown(page)
            .orElseThrow(
                () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No page " + page));
    model.addAttribute("guide", guide);
    model.addAttribute("pageTitle", Markdown.title(markdown, page));
    model.addAttribute("pageHtml", Markdown.toHtml(markdown));
    return "ig/page";
  }

  @GetMapping("/package.tgz")
  ResponseEntity<byte[]> latestPackage() {
    return packageFile();
  }

  /** Integrators pin a version; only the version this server was built with is here. */
  @GetMapping("/{version}/package.tgz")
  ResponseEntity<byte[]> versionedPackage(@PathVariable String version) {
    if (!version.equals(igPackage.version())) {
      throw new ResponseStatusException(
          HttpStatus.NOT_FOUND,
          "This server has version " + igPackage.version() + " of " + igPackage.name());
    }
    return packageFile();
  }

  /**
   * The guide's stylesheet; kept beside its templates, served from here (the pages' CSP allows only
   * this origin).
   */
  @GetMapping("/guide.css")
  ResponseEntity<Resource> stylesheet() {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("text/css;charset=UTF-8"))
        .cacheControl(CacheControl.noCache())
        .body(new ClassPathResource("templates/ig/guide.css"));
  }

  private ResponseEntity<byte[]> packageFile() {
    return ResponseEntity.ok()
        .contentType(GZIP)
        .header(
            "Content-Disposition",
            ContentDisposition.attachment()
                .filename(igPackage.name() + "-" + igPackage.version() + ".tgz")
                .build()
                .toString())
        .cacheControl(CacheControl.noCache())
        .eTag("\"" + igPackage.version() + "\"")
        .body(igPackage.bytes());
  }
}
