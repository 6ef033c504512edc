package org.patientedu.handouts;

import com.openhtmltopdf.extend.impl.FSDefaultCacheStore;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * Renders the handout template to a tagged PDF (PDF/UA structure) with openhtmltopdf. The fonts
 * (DejaVu Sans, shipped in the jar under its licence) are embedded as subsets; nothing is fetched
 * from outside: the only external resource a page may load is the QR code's {@code data:} image.
 */
@Component
class HandoutPdfRenderer {

  static final String FONT_FAMILY = "DejaVu Sans";
  private static final String FONT_DIR = "static/fonts/dejavu/";

  private record Face(byte[] bytes, int weight, FontStyle style) {}

  private final ITemplateEngine templates;
  private final JakartaServletWebApplication webApplication;
  private final List<Face> faces;
  private final String css;

  /** Font metrics survive between renders; the cache is thread-safe. */
  private final FSDefaultCacheStore cache = new FSDefaultCacheStore();

  HandoutPdfRenderer(ITemplateEngine templates, ServletContext servletContext) {
    this.templates = templates;
    this.webApplication = JakartaServletWebApplication.buildApplication(servletContext);
    this.faces =
        List.of(
            new Face(read(FONT_DIR + "DejaVuSans.ttf"), 400, FontStyle.NORMAL),
            new Face(read(FONT_DIR + "DejaVuSans-Bold.ttf"), 700, FontStyle.NORMAL),
            new Face(read(FONT_DIR + "DejaVuSans-Oblique.ttf"), 400, FontStyle.ITALIC),
            new Face(read(FONT_DIR + "DejaVuSans-BoldOblique.ttf"), 700, FontStyle.ITALIC));
    this.css = new String(read("static/css/handout-pdf.css"), StandardCharsets.UTF_8);
    XRLog.setLoggingEnabled(false);
  }

  /** The paged-media stylesheet for this paper size, inlined into the PDF's HTML. */
  String css(PrintOptions print) {
    return "@page { size: " + print.paper().cssSize() + "; }\n" + css;
  }

  byte[] render(
      String template,
      Map<String, Object> variables,
      Locale locale,
      HttpServletRequest request,
      HttpServletResponse response) {
    WebContext context =
        new WebContext(webApplication.buildExchange(request, response), locale, variables);
    String html = templates.process(template, context);
    org.w3c.dom.Document document = new W3CDom().fromJsoup(Jsoup.parse(html));

    ByteArrayOutputStream pdf = new ByteArrayOutputStream(64 * 1024);
    PdfRendererBuilder builder = new PdfRendererBuilder();
    builder.useFastMode();
    builder.usePdfUaAccessibility(true);
    builder.useCacheStore(PdfRendererBuilder.CacheStore.PDF_FONT_METRICS, cache);
    for (Face face : faces) {
      builder.useFont(
          () -> new ByteArrayInputStream(face.bytes()),
          FONT_FAMILY,
          face.weight(),
          face.style(),
          true);
    }
    builder.useExternalResourceAccessControl(
        (uri, type) -> uri != null && uri.startsWith("data:image/png;base64,"),
        ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
    builder.useExternalResourceAccessControl(
        (uri, type) -> uri != null && uri.startsWith("data:image/png;base64,"),
        ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
    builder.withProducer("Patient education handouts");
    builder.withW3cDocument(document, null);
    builder.toStream(pdf);
    try {
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return pdf.toByteArray();
  }

  private static byte[] read(String classpathLocation) {
    try (InputStream in = new ClassPathResource(classpathLocation).getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Missing from the jar: " + classpathLocation, e);
    }
  }
}
