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
  private final int pageSize;

  CatalogController(HandoutCatalog catalog, MessageSource messages, HandoutsProperties properties) {
    this.catalog = catalog;
    this.messages = messages;
    this.pageSize = properties.catalogPageSize();
  }

  /**
   * One page of the matching handouts: {@code number} counts from 1; the links are null on the
   * first and last page.
   */
  public record Page(int number, int count, int total, String previousHref, String nextHref) {}

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
      // a page past either end shows the nearest one
      @RequestParam(name = "page", defaultValue = "1") int page,
      Locale locale,
      Model model) {
    CatalogFilter filter = CatalogFilter.of(text, context, review, language);
    HandoutCatalog.Listing listing = catalog.find(filter);
    List<Handout> found = listing.handouts();
    int pages = Math.max(1, (found.size() + pageSize - 1) / pageSize);
    int number = Math.min(Math.max(page, 1), pages);
    model.addAttribute("filter", filter);
    model.addAttribute(
        "handouts",
        found.subList((number - 1) * pageSize, Math.min(number * pageSize, found.size())));
    model.addAttribute(
        "page",
        new Page(
            number,
            pages,
            found.size(),
            number > 1 ? href(filter, filter.context(), number - 1) : null,
            number < pages ? href(filter, filter.context(), number + 1) : null));
    model.addAttribute("contextLabels", contextLabels(locale));
    model.addAttribute("contextOptions", contextOptions(filter, locale));
    model.addAttribute("reviewFilters", ReviewFilter.offered(filter.review()));
    model.addAttribute("approvedOnly", catalog.approvedOnly());
    model.addAttribute(
        "languageOptions",
        listing.languages().stream()
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
            href(filter, null, 1),
            filter.context() == null));
    for (ClinicalContext context : ClinicalContext.values()) {
      options.add(
          new ContextOption(
              context.key(),
              labels.get(context),
              href(filter, context, 1),
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

  /** The catalog link keeping the other filters, selecting this context and page. */
  private static String href(CatalogFilter filter, ClinicalContext context, int page) {
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
    if (page > 1) {
      uri.queryParam("page", page);
    }
    return uri.encode().build().toUriString();
  }
}
