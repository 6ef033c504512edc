package org.patientedu.handouts;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.hl7.fhir.r4.model.BaseDateTimeType;

/**
 * A date as precise as the source states it: "April 13, 2022", "April 2010" or "2010", never a
 * made-up first of the month.
 */
public record StatedDate(LocalDate date, Precision precision) {

  public enum Precision {
    YEAR,
    MONTH,
    DAY
  }

  static StatedDate of(BaseDateTimeType value) {
    if (value == null || value.getValue() == null) {
      return null;
    }
    return switch (value.getPrecision()) {
      case YEAR -> new StatedDate(LocalDate.of(value.getYear(), 1, 1), Precision.YEAR);
      case MONTH ->
          new StatedDate(LocalDate.of(value.getYear(), value.getMonth() + 1, 1), Precision.MONTH);
      default ->
          new StatedDate(
              LocalDate.of(value.getYear(), value.getMonth() + 1, value.getDay()), Precision.DAY);
    };
  }

  static StatedDate of(LocalDate date) {
    return new StatedDate(date, Precision.DAY);
  }

  /** In the reader's language: "April 13, 2022" in English, "13 de abril de 2022" in Spanish. */
  public String format(Locale locale) {
    DateTimeFormatter formatter =
        switch (precision) {
          case YEAR -> DateTimeFormatter.ofPattern("uuuu", locale);
          // Java has no localized month-and-year style: Spanish says "abril de 2010"
          case MONTH ->
              DateTimeFormatter.ofPattern(
                  "es".equals(locale.getLanguage()) ? "LLLL 'de' uuuu" : "LLLL uuuu", locale);
          case DAY -> DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        };
    return date.format(formatter);
  }

  /** ISO form for machine-readable {@code <time datetime>}. */
  public String iso() {
    return switch (precision) {
      case YEAR -> String.valueOf(date.getYear());
      case MONTH -> date.toString().substring(0, 7);
      case DAY -> date.toString();
    };
  }
}
