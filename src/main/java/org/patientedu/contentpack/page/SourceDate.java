package org.patientedu.contentpack.page;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date exactly as precise as the source states it: "April 2010" stays a month, never becomes the
 * 1st. Only dates written on the page are ever turned into one of these.
 *
 * @param day null for month precision
 */
public record SourceDate(int year, int month, Integer day) implements Comparable<SourceDate> {

  private static final String MONTH = "(?<month>[A-Za-z]{3,9})\\.?";
  private static final Pattern MONTH_DAY_YEAR =
      Pattern.compile(MONTH + "\\s+(?<day>\\d{1,2}),?\\s+(?<year>\\d{4})");
  private static final Pattern DAY_MONTH_YEAR =
      Pattern.compile("(?<day>\\d{1,2})\\s+" + MONTH + ",?\\s+(?<year>\\d{4})");
  private static final Pattern YEAR_MONTH_DAY =
      Pattern.compile("(?<year>\\d{4}),?\\s+" + MONTH + "\\s+(?<day>\\d{1,2})");
  private static final Pattern ISO =
      Pattern.compile("(?<year>\\d{4})-(?<month>\\d{2})-(?<day>\\d{2})");
  private static final Pattern MONTH_YEAR = Pattern.compile(MONTH + "\\s+(?<year>\\d{4})");

  private static final Map<String, Integer> MONTHS =
      Map.ofEntries(
          Map.entry("jan", 1),
          Map.entry("feb", 2),
          Map.entry("mar", 3),
          Map.entry("apr", 4),
          Map.entry("may", 5),
          Map.entry("jun", 6),
          Map.entry("jul", 7),
          Map.entry("aug", 8),
          Map.entry("sep", 9),
          Map.entry("sept", 9),
          Map.entry("oct", 10),
          Map.entry("nov", 11),
          Map.entry("dec", 12));

  public SourceDate {
    if (day != null) {
      LocalDate.of(year, month, day); // validates
    } else if (month < 1 || month > 12) {
      throw new DateTimeException("Invalid month " + month);
    }
  }

  /** Parses a text that is only a date ("Feb 11, 2011", "23 Jul 2014", "2023, September 7"). */
  public static Optional<SourceDate> parseExact(String text) {
    String s = text == null ? "" : text.trim();
    for (Pattern p : new Pattern[] {MONTH_DAY_YEAR, DAY_MONTH_YEAR, YEAR_MONTH_DAY, ISO}) {
      Matcher m = p.matcher(s);
      if (m.matches()) {
        return fromMatch(m, true);
      }
    }
    Matcher m = MONTH_YEAR.matcher(s);
    return m.matches() ? fromMatch(m, false) : Optional.empty();
  }

  /** Finds the first month-and-year ("April 2010") inside a longer text. */
  public static Optional<SourceDate> findMonthYear(String text) {
    Matcher m = MONTH_YEAR.matcher(text);
    while (m.find()) {
      Optional<SourceDate> found = fromMatch(m, false);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static Optional<SourceDate> fromMatch(Matcher m, boolean withDay) {
    try {
      String monthText = m.group("month");
      Integer month =
          monthText.chars().allMatch(Character::isDigit)
              ? Integer.valueOf(monthText)
              : monthNumber(monthText);
      if (month == null) {
        return Optional.empty();
      }
      Integer day = withDay ? Integer.valueOf(m.group("day")) : null;
      return Optional.of(new SourceDate(Integer.parseInt(m.group("year")), month, day));
    } catch (DateTimeException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Integer monthNumber(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (Month month : Month.values()) {
      if (month.getDisplayName(TextStyle.FULL, Locale.US).toLowerCase(Locale.ROOT).equals(lower)) {
        return month.getValue();
      }
    }
    return MONTHS.get(lower);
  }

  /** FHIR date: 2022-04-13 or 2010-04. */
  public String toFhirDate() {
    return day == null
        ? String.format(Locale.ROOT, "%04d-%02d", year, month)
        : String.format(Locale.ROOT, "%04d-%02d-%02d", year, month, day);
  }

  /** FHIR instant at midnight UTC; only for full dates. */
  public String toFhirInstant() {
    if (day == null) {
      throw new IllegalStateException("Month-precision date has no instant: " + toFhirDate());
    }
    return toFhirDate() + "T00:00:00Z";
  }

  /** "April 13, 2022" or "April 2010", for handouts. */
  public String display() {
    String monthName = Month.of(month).getDisplayName(TextStyle.FULL, Locale.US);
    return day == null ? monthName + " " + year : monthName + " " + day + ", " + year;
  }

  @Override
  public int compareTo(SourceDate other) {
    int c = Integer.compare(year, other.year);
    if (c == 0) {
      c = Integer.compare(month, other.month);
    }
    if (c == 0) {
      c = Integer.compare(day == null ? 0 : day, other.day == null ? 0 : other.day);
    }
    return c;
  }

  @Override
  public String toString() {
    return toFhirDate();
  }
}
