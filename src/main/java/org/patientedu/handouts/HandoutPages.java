package org.patientedu.handouts;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Everything the handout template needs, for the web page and the PDF alike, read fresh from the
 * FHIR store on each request.
 */
@Component
class HandoutPages {

  private final HandoutCatalog catalog;
  private final Clock clock;
  private final HandoutsProperties properties;

  HandoutPages(HandoutCatalog catalog, Clock clock, HandoutsProperties properties) {
    this.catalog = catalog;
    this.clock = clock;
    this.properties = properties;
  }

  /**
   * The template variables for one handout, for a reader of this locale.
   *
   * @throws HandoutNotFoundException when no Library has this id
   * @throws HandoutNotApprovedException when the ward shows approved material only and this handout
   *     is a draft
   */
  Map<String, Object> model(String id, PrintOptions print, boolean pdf, Locale reader) {
    Handout handout = catalog.get(id).orElseThrow(() -> new HandoutNotFoundException(id));
    if (properties.approvedOnly() && handout.draft()) {
      throw new HandoutNotApprovedException(id);
    }
    // The article in the reader's language when the page has it; otherwise as published.
    Optional<Handout.Rendition> inReadersLanguage = handout.renditionIn(reader);
    Optional<Handout.Rendition> shown = inReadersLanguage.or(handout::originalRendition);
    ArticleSanitizer.Article article =
        shown.map(catalog::article).orElse(ArticleSanitizer.Article.EMPTY);
    String articleLanguage = shown.map(Handout.Rendition::language).orElse(handout.language());
    boolean translated = !sameLanguage(articleLanguage, handout.language());

    Map<String, Object> model = new LinkedHashMap<>();
    model.put("h", handout);
    model.put("article", article.body());
    // a translation brings its own title; the Library's is in the page's own language
    model.put("title", translated && article.title() != null ? article.title() : handout.title());
    model.put("articleLang", articleLanguage);
    if (inReadersLanguage.isEmpty() && !sameLanguage(articleLanguage, reader)) {
      // "not available in Spanish; shown in English", each named in the reader's language
      model.put("noTranslation", true);
      model.put("readerLanguageName", reader.getDisplayLanguage(reader));
      model.put(
          "articleLanguageName",
          articleLanguage == null
              ? ""
              : Locale.forLanguageTag(articleLanguage).getDisplayLanguage(reader));
    } else {
      model.put("noTranslation", false);
    }
    model.put("print", print);
    model.put("links", HandoutLinks.of(handout.id(), print));
    model.put("pdf", pdf);
    if (properties.hasPublicBaseUrl()) {
      String onlineUrl = properties.publicBaseUrl() + "/handouts/" + handout.id();
      model.put("onlineUrl", onlineUrl);
      model.put("qr", pdf ? QrCodes.pngDataUri(onlineUrl) : QrCodes.svg(onlineUrl));
    }
    model.put("printedOn", StatedDate.of(LocalDate.now(clock)));
    return model;
  }

  private static boolean sameLanguage(String tag, String otherTag) {
    return tag != null
        && otherTag != null
        && Locale.forLanguageTag(tag)
            .getLanguage()
            .equals(Locale.forLanguageTag(otherTag).getLanguage());
  }

  private static boolean sameLanguage(String tag, Locale locale) {
    return tag != null && Locale.forLanguageTag(tag).getLanguage().equals(locale.getLanguage());
  }
}
