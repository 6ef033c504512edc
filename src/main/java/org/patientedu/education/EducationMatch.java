package org.patientedu.education;

import org.patientedu.contentpack.ClinicalContext;
import org.patientedu.contentpack.ContextTag;

/**
 * One page in an answer, and why it is there.
 *
 * @param criterion the criterion of the query it answers
 * @param context the clinical context through which it matched
 * @param relevance how central that context is to the page (the editor's mark)
 * @param exactCode true when the page is tagged with the very code asked; false when the code is in
 *     the context's code family
 * @param language the language the page is offered in: the one asked when the page is written or
 *     translated in it, else the page's own
 * @param languageFallback true when the page is not in the language asked (no page was), so the
 *     edge must say so and label the page with its own language
 */
public record EducationMatch(
    PublishedPage page,
    EducationQuery.Criterion criterion,
    ClinicalContext context,
    ContextTag.Relevance relevance,
    boolean exactCode,
    String language,
    boolean languageFallback) {

  /** True when the page is offered in a translation, not in the language it was written in. */
  public boolean translated() {
    return !language.equals(page.primaryLanguage());
  }
}
