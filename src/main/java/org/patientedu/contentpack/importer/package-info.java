/**
 * Content pack importer: turns a web page (plain text or HTML) into a pack folder, by reading it
 * ({@code reading}) and building its resources ({@code building}); the two know only the page model
 * ({@code page}), not each other.
 *
 * <ul>
 *   <li>{@link org.patientedu.contentpack.importer.PackEntryWriter} reads the page with {@link
 *       org.patientedu.contentpack.reading.PageParser}, builds the resources with {@link
 *       org.patientedu.contentpack.building.PackEntryBuilder} and writes {@code
 *       fhir-resources/<id>/}: source copy, import.properties, Library.json,
 *       DocumentReference.json, Binary-html.json, Binary-text.json, import-report.txt.
 *   <li>{@link org.patientedu.contentpack.importer.ImportCommand} is the command line ({@code
 *       import} / {@code reimport}).
 * </ul>
 */
package org.patientedu.contentpack.importer;
