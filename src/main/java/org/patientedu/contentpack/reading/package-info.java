/**
 * Reads a web page (plain text or HTML) into a {@link org.patientedu.contentpack.page.ParsedPage}:
 * a reader turns the page into blocks, the recognisers ({@code recognize}) claim credits, chrome
 * and the title, and what is left is the article, word for word, with an {@link
 * org.patientedu.contentpack.page.ImportReport} of what was found, what is missing and which lines
 * were dropped as chrome.
 */
package org.patientedu.contentpack.reading;
