/**
 * Content pack importer: turns a web page (plain text or HTML) into a pack folder.
 *
 * <ul>
 *   <li>{@link org.patientedu.contentpack.importer.PageParser} reads the page into a {@link
 *       org.patientedu.contentpack.importer.ParsedPage}: title, article blocks (kept word for
 *       word), credits, and an {@link org.patientedu.contentpack.importer.ImportReport} of what was
 *       found, what is missing and which lines were dropped as chrome.
 *   <li>{@link org.patientedu.contentpack.importer.PackEntryWriter} builds and writes {@code
 *       fhir-resources/<id>/}: source copy, import.properties, Library.json,
 *       DocumentReference.json, Binary-html.json, Binary-text.json, import-report.txt.
 *   <li>{@link org.patientedu.contentpack.importer.ImportCommand} is the command line ({@code
 *       import} / {@code reimport}).
 * </ul>
 */
package org.patientedu.contentpack.importer;
