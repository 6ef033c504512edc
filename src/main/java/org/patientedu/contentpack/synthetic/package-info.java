/**
 * Synthetic test content: a pack of made-up pages, as many as a load test needs, written in the
 * content pack's folder format through the same page model and FHIR building as imported pages.
 * Every page says it is synthetic (Library.experimental, its title, its publisher, its disclaimer
 * and its first paragraph) so it can never pass for patient education.
 *
 * <ul>
 *   <li>{@link org.patientedu.contentpack.synthetic.SyntheticPages} makes page {@code n} of a seed:
 *       contexts, review states, fictional reviewers, dates and readability spread like real data.
 *   <li>{@link org.patientedu.contentpack.synthetic.SyntheticPackCommand} is the command line
 *       ({@code synthetic-pack --count 10000 --out DIR}).
 * </ul>
 */
package org.patientedu.contentpack.synthetic;
