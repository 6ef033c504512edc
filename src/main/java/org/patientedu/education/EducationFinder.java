package org.patientedu.education;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.patientedu.contentpack.ClinicalContext;
import org.patientedu.contentpack.ContextTag;
import org.patientedu.fhirserver.readcache.CurrentVersions;
import org.patientedu.review.ReviewStatus;
import org.patientedu.terminology.CodeFamilies;

/**
 * Which approved education fits these codes, best first: the answer Infobutton, CDS Hooks and any
 * other edge give, decided here once.
 *
 * <ul>
 *   <li>Only active pages (never a draft, never a retired page); an overdue page is returned, and
 *       its review state travels with it for the edge to say.
 *   <li>A page matches a code it is tagged with, or a code in the code family of a context it is
 *       tagged with (O92.79 finds a page tagged for lactation); a name finds the contexts whose
 *       family names it.
 *   <li>Ranked by the editor's relevance mark (primary first), then the very code before its
 *       family, then review currency (current, due soon, overdue, never reviewed, any other state),
 *       then the latest review first, then title.
 *   <li>Language: the pages written or translated in the language asked; when none is, the others,
 *       each marked as a fallback so the edge labels it with its own language.
 * </ul>
 */
public class EducationFinder {

  private static final Comparator<EducationMatch> BEST_FIRST =
      Comparator.comparing(
              (EducationMatch m) -> m.relevance() == ContextTag.Relevance.PRIMARY ? 0 : 1)
          .thenComparing(m -> m.exactCode() ? 0 : 1)
          .thenComparing(m -> currencyRank(m.page().reviewStatus()))
          .thenComparing(
              m -> m.page().lastReviewDate() == null ? "" : m.page().lastReviewDate(),
              Comparator.reverseOrder())
          .thenComparing(m -> m.page().title() == null ? "" : m.page().title())
          .thenComparing(m -> m.page().id());

  private final PublishedCatalog catalog;
  private final CodeFamilies families;

  EducationFinder(PublishedCatalog catalog, CodeFamilies families) {
    this.catalog = catalog;
    this.families = families;
  }

  /** The answer, best first: each criterion's pages in turn, a page listed once. */
  public List<EducationMatch> find(EducationQuery query) {
    return edition().find(query);
  }

  /**
   * The catalog as the store holds it now (one cheap query asks the shared database). An edge may
   * keep what it derives from an edition's answers for as long as {@link Edition#version()} stays
   * the same: it changes with every write of a Library, on any node sharing the database.
   */
  public Edition edition() {
    return new Edition(catalog.snapshot());
  }

  /** One state of the approved pages and the answers it gives. */
  public final class Edition {

    private final PublishedCatalog.Snapshot snapshot;

    private Edition(PublishedCatalog.Snapshot snapshot) {
      this.snapshot = snapshot;
    }

    /** Changes with every write of a Library (review, approval, retirement), on any node. */
    public CurrentVersions.Fingerprint version() {
      return snapshot.fingerprint();
    }

    /** The answer, best first: each criterion's pages in turn, a page listed once. */
    public List<EducationMatch> find(EducationQuery query) {
      return answer(snapshot.pages(), query);
    }
  }

  private List<EducationMatch> answer(List<PublishedPage> pages, EducationQuery query) {
    Map<String, EducationMatch> answer = new LinkedHashMap<>();
    for (EducationQuery.Criterion criterion : query.criteria()) {
      for (EducationMatch match : best(pages, criterion, query)) {
        answer.putIfAbsent(match.page().id(), match);
      }
    }
    return List.copyOf(answer.values());
  }

  private List<EducationMatch> best(
      List<PublishedPage> pages, EducationQuery.Criterion criterion, EducationQuery query) {
    Set<ClinicalContext> family =
        criterion.byName()
            ? families.contextsNamed(criterion.display())
            : families.contextsOf(criterion.system(), criterion.code());
    List<EducationMatch> inLanguage = new ArrayList<>();
    List<EducationMatch> otherLanguages = new ArrayList<>();
    for (PublishedPage page : pages) {
      boolean fallback = !page.speaks(query.language());
      String language = fallback ? page.primaryLanguage() : query.language();
      match(page, criterion, family, language, fallback)
          .ifPresent(m -> (fallback ? otherLanguages : inLanguage).add(m));
    }
    List<EducationMatch> chosen = inLanguage.isEmpty() ? otherLanguages : inLanguage;
    return chosen.stream().sorted(BEST_FIRST).limit(query.maxPerCriterion()).toList();
  }

  /** The page's best way of matching the criterion, if any. */
  private static Optional<EducationMatch> match(
      PublishedPage page,
      EducationQuery.Criterion criterion,
      Set<ClinicalContext> family,
      String language,
      boolean fallback) {
    EducationMatch best = null;
    for (ContextTag tag : page.tags()) {
      boolean exact =
          !criterion.byName()
              && tag.codes().stream()
                  .anyMatch(
                      c ->
                          c.system().equals(criterion.system())
                              && c.code().equalsIgnoreCase(criterion.code().strip()));
      if (exact || family.contains(tag.context())) {
        EducationMatch candidate =
            new EducationMatch(
                page, criterion, tag.context(), tag.relevance(), exact, language, fallback);
        if (best == null || BEST_FIRST.compare(candidate, best) < 0) {
          best = candidate;
        }
      }
    }
    return Optional.ofNullable(best);
  }

  private static int currencyRank(String reviewStatus) {
    return ReviewStatus.fromCode(reviewStatus == null ? "" : reviewStatus)
        .map(Enum::ordinal)
        .orElse(ReviewStatus.values().length);
  }
}
