package org.patientedu.contentpack.building;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.DomainResource;
import org.patientedu.contentpack.fhir.PageExtensions;
import org.patientedu.contentpack.page.Block;
import org.patientedu.contentpack.page.ImportSettings;
import org.patientedu.contentpack.page.ParsedPage;
import org.patientedu.contentpack.readability.Readability;

/**
 * ParsedPage + editorial choices → the pack entry's resources. Deterministic: no clock, no
 * randomness.
 */
public final class PackEntryBuilder {

  private PackEntryBuilder() {}

  public static PackEntry build(ParsedPage page, ImportSettings settings) {
    return build(page, settings, Map.of());
  }

  /**
   * @param translations the page's translations, parsed, by language tag (as in the settings)
   */
  public static PackEntry build(
      ParsedPage page, ImportSettings settings, Map<String, ParsedPage> translations) {
    String title = page.title() == null ? settings.id() : page.title();
    Rendition html =
        HtmlRendition.rendition(
            page, settings.language(), settings.htmlBinaryId(), title + " (HTML)");
    Rendition text =
        TextRendition.rendition(page, settings.textBinaryId(), title + " (plain text)");
    List<Rendition> renditions = new ArrayList<>(List.of(html, text));
    List<Rendition> translated = new ArrayList<>();
    for (String language : settings.translations().keySet()) {
      ParsedPage translation = translations.get(language);
      if (translation == null) {
        throw new IllegalArgumentException("The " + language + " translation was not read");
      }
      String translatedTitle = translation.title() == null ? title : translation.title();
      translated.add(
          HtmlRendition.translation(
              translation,
              language,
              settings.htmlBinaryId(language),
              translatedTitle + " (HTML, " + language + ")"));
      translated.add(
          TextRendition.translation(
              translation,
              language,
              settings.textBinaryId(language),
              translatedTitle + " (plain text, " + language + ")"));
    }
    renditions.addAll(translated);
    Readability readability = Readability.of(articleText(page, title));
    return new PackEntry(
        withReadability(LibraryBuilder.build(page, settings, renditions), readability),
        withReadability(DocumentReferenceBuilder.build(page, settings, renditions), readability),
        binary(html),
        binary(text),
        translated.stream().map(PackEntryBuilder::binary).toList());
  }

  /**
   * The words a patient reads: title, headings, paragraphs, list items (one per line); no credits.
   */
  static String articleText(ParsedPage page, String title) {
    StringBuilder text = new StringBuilder(title).append('\n');
    for (Block block : page.article()) {
      if (block.isList()) {
        block.items().forEach(item -> text.append(item).append('\n'));
      } else {
        text.append(block.text()).append('\n');
      }
    }
    return text.toString();
  }

  private static <T extends DomainResource> T withReadability(T resource, Readability readability) {
    PageExtensions.addReadability(resource, readability);
    return resource;
  }

  private static Binary binary(Rendition rendition) {
    Binary binary = new Binary();
    binary.setId(rendition.binaryId());
    binary.setContentType(rendition.contentType());
    binary.setData(rendition.bytes());
    return binary;
  }
}
