/**
 * The page model, at the bottom of the content pack: a page as read from its source ({@link
 * org.patientedu.contentpack.page.ParsedPage}: title, article {@link
 * org.patientedu.contentpack.page.Block}s, {@link org.patientedu.contentpack.page.Credits} with
 * each {@link org.patientedu.contentpack.page.Person} and {@link
 * org.patientedu.contentpack.page.SourceDate}) and the editor's choices for it ({@link
 * org.patientedu.contentpack.page.ImportSettings}). Reading, building, the FHIR vocabulary, review
 * and handouts all speak it; it imports none of them.
 */
package org.patientedu.contentpack.page;
