package org.patientedu.contentpack.page;

import java.util.List;
import java.util.Map;

/**
 * What an import found, what it did not find, and every line it did not keep as article text.
 * Rendered into import-report.txt; contains nothing that varies between runs.
 *
 * @param found field → value for every field found (title included)
 * @param missing fields not found on the page (nothing is guessed for them)
 * @param recognizers names of the layout recognisers that matched something
 * @param creditLines source lines read as credits, with the field they filled
 * @param dropped source lines dropped as chrome, with the reason
 * @param notes judgement calls worth a human look
 */
public record ImportReport(
    Map<CreditField, String> found,
    List<CreditField> missing,
    List<String> recognizers,
    List<Line> creditLines,
    List<Line> dropped,
    List<String> notes) {

  /** A source line and why it is not article text. */
  public record Line(String text, String why) {}

  public ImportReport {
    found = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(found));
    missing = List.copyOf(missing);
    recognizers = List.copyOf(recognizers);
    creditLines = List.copyOf(creditLines);
    dropped = List.copyOf(dropped);
    notes = List.copyOf(notes);
  }

  public boolean isMissing(CreditField field) {
    return missing.contains(field);
  }

  public String render() {
    StringBuilder out = new StringBuilder();
    out.append("Fields found:\n");
    found.forEach(
        (field, value) ->
            out.append("  ")
                .append(field.label())
                .append(": ")
                .append(shorten(value))
                .append('\n'));
    out.append("\nFields not found (left empty, nothing guessed):\n");
    if (missing.isEmpty()) {
      out.append("  (none)\n");
    }
    missing.forEach(field -> out.append("  ").append(field.label()).append('\n'));
    out.append("\nLayout recognisers that matched:\n");
    recognizers.forEach(name -> out.append("  ").append(name).append('\n'));
    out.append("\nNotes:\n");
    if (notes.isEmpty()) {
      out.append("  (none)\n");
    }
    notes.forEach(note -> out.append("  - ").append(note).append('\n'));
    out.append("\nLines read as credits (not article text):\n");
    creditLines.forEach(
        line ->
            out.append("  [")
                .append(line.why())
                .append("] ")
                .append(shorten(line.text()))
                .append('\n'));
    out.append("\nLines dropped as chrome:\n");
    if (dropped.isEmpty()) {
      out.append("  (none)\n");
    }
    dropped.forEach(
        line ->
            out.append("  [")
                .append(line.why())
                .append("] ")
                .append(shorten(line.text()))
                .append('\n'));
    return out.toString();
  }

  private static String shorten(String text) {
    return text.length() <= 160 ? text : text.substring(0, 157) + "...";
  }
}
