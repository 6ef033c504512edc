package org.patientedu.handouts;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.patientedu.contentpack.ClinicalContext;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The catalog at {@code /}: every handout, filtered with plain GET links and forms (no JavaScript).
 */
@Controller
class CatalogController {

  private final HandoutCatalog catalog;
  private final MessageSource messages;

  CatalogController(HandoutCatalog catalog, MessageSource messages) {
    this.catalog = catalog;
    this.messages = messages;
  }

  /** A clinical-context tab: its label in the reader's language and the link that selects it. */
  public record ContextOption(String key, String label, String href, boolean selected) {}

  /** A language the catalog holds, named in the reader's language ("English (United States)"). */
  public record LanguageOption(String tag, String label, boolean selected) {}

  @GetMapping("/")
  String catalog(
      @RequestParam(name = "q", required = false) String text,
      @RequestParam(name = "context", required = false) String context,
      @RequestParam(name = "review", required = false) String review,
      // the content's language; ?lang is the reader's language (ReaderLanguage)
      @RequestParam(name = "language", required = false) String language,
      Locale locale,
      Model model) {
    CatalogFilter filter = CatalogFilter.of(text, context, review, language);
    model.addAttribute("filter", filter);
    model.addAttribute("handouts", catalog.find(filter));
    model.addAttribute("contextLabels", contextLabels(locale));
    model.addAttribute("contextOptions", contextOptions(filter, locale));
    model.addAttribute("reviewFilters", ReviewFilter.offered());
    model.addAttribute("approvedOnly", catalog.approvedOnly());
    model.addAttribute(
        "languageOptions",
        catalog.languages().stream()
            .map(
                tag ->
                    new LanguageOption(
                        tag,
                        Locale.forLanguageTag(tag).getDisplayName(locale),
                        tag.equalsIgnoreCase(filter.language())))
            .toList());
    return "handouts/catalog";
  }

  private List<ContextOption> contextOptions(CatalogFilter filter, Locale locale) {
    Map<ClinicalContext, String> labels = contextLabels(locale);
    List<ContextOption> options = new ArrayList<>();
    options.add(
        new ContextOption(
            "",
            messages.getMessage("handouts.catalog.context.all", null, locale),
            href(filter, null),
            filter.context() == null));
    for (ClinicalContext context : ClinicalContext.values()) {
      options.add(
          new ContextOption(
              context.key(),
              labels.get(context),
              href(filter, context),
              context == filter.context()));
    }
    return options;
  }

  /**
   * Labels from messages ({@code handouts.context.<key>}), else the content pack's English label.
   */
  private Map<ClinicalContext, String> contextLabels(Locale locale) {
    Map<ClinicalContext, String> labels = new EnumMap<>(ClinicalContext.class);
    for (ClinicalContext context : ClinicalContext.values()) {
      labels.put(
          context,
          messages.getMessage("handouts.context." + context.key(), null, context.label(), locale));
    }
    return labels;
  }

  /** The catalog link keeping the other filters and selecting this context. */
  private static String href(CatalogFilter filter, ClinicalContext context) {
    UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/");
    if (filter.text() != null) {
      uri.queryParam("q", filter.text());
    }
    if (context != null) {
      uri.queryParam("context", context.key());
    }
    if (filter.review() != null) {
      uri.queryParam("review", filter.review().code());
    }
    if (filter.language() != null) {
      uri.queryParam("language", filter.language());
    }
    return uri.encode().build().toUriString();
  }
}
