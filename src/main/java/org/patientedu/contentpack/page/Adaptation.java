package org.patientedu.contentpack.page;

/**
 * "(This is an adaptation of the April 2010 newsletter by Linda Graham, MFT, with permission.)"
 *
 * @param originalAuthor the original work's author, with credentials
 * @param originalWork what was adapted, as written ("April 2010 newsletter")
 * @param originalDate date of the original as stated, or null
 * @param text the note exactly as written (whitespace normalised)
 */
public record Adaptation(
    Person originalAuthor, String originalWork, SourceDate originalDate, String text) {}
