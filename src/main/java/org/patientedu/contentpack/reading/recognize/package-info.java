/**
 * Page-layout recognisers. Each recogniser is one small rule that claims blocks of a page as a
 * credit (author, reviewer, date, notice, reference...), as chrome (menus, banners, comments,
 * footers...) or as the title; whatever no rule claims stays article text, word for word.
 *
 * <p>To support a new site layout: write a class implementing {@link
 * org.patientedu.contentpack.reading.recognize.Recognizer} that matches only that layout's exact
 * shapes, add it to {@link org.patientedu.contentpack.reading.recognize.Recognizers#standard()}
 * (credit rules before chrome rules), record judgement calls with {@code page.note(...)}, and add a
 * test with a sample page. Never fill a credit field from anything but the page's own text.
 */
package org.patientedu.contentpack.reading.recognize;
