package org.patientedu.infobutton;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.patientedu.terminology.CodeSystemOids;

/**
 * Reads the parameters of the HL7 Infobutton URL-based implementation guide, as MedlinePlus Connect
 * reads them, from a GET query or a form POST (the same parameter map).
 *
 * <ul>
 *   <li>Parameter names are matched case-insensitively; a repeated parameter counts once (the first
 *       value).
 *   <li>{@code mainSearchCriteria.v.c}, {@code .v.cs}, {@code .v.dn} and their numbered repeats
 *       ({@code mainSearchCriteria.v.c1}, {@code .v.cs1}, ...); the deprecated {@code
 *       mainSearchCriteria.c.*} forms are read as the same criteria.
 *   <li>Code system OIDs, language codes, recipient and gender codes and the response type are
 *       matched case-insensitively; codes are passed on as sent.
 *   <li>{@code taskContext.c.c}, {@code encounter.c.c}, {@code age.v.v}, {@code age.v.u} and {@code
 *       patientPerson.administrativeGenderCode.c} are checked and accepted; no stored page declares
 *       an audience by age, gender, task or encounter type, so they do not narrow the answer.
 * </ul>
 */
final class InfobuttonRequestParser {

  private static final Pattern CRITERION =
      Pattern.compile("mainsearchcriteria\\.(?:v|c)\\.(c|cs|dn)(\\d{0,3})");
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[a-z0-9]{1,8})*");
  private static final Pattern CALLBACK =
      Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]{0,63}(\\.[A-Za-z_$][A-Za-z0-9_$]{0,63}){0,4}");
  private static final Pattern TOKEN = Pattern.compile("[\\p{Alnum}.\\-_:/]{1,64}");
  private static final Set<String> RECIPIENTS = Set.of("PAT", "PROV");
  private static final Set<String> GENDERS = Set.of("M", "F", "UN");
  private static final Set<String> AGE_UNITS = Set.of("a", "mo", "wk", "d", "h", "min");
  private static final int MAX_NAME = 200;

  private InfobuttonRequestParser() {}

  /**
   * @throws BadInfobuttonRequest naming the parameter to fix
   */
  static InfobuttonRequest parse(Map<String, String[]> parameters) {
    Map<String, String> values = firstValues(parameters);
    ResponseFormat responseFormat = format(values);
    String callback = callback(values, responseFormat);
    ErrorFormat format = new ErrorFormat(responseFormat, callback);
    String language = language(values.get("informationrecipient.languagecode.c"), format);
    String recipient = oneOf(values, "informationRecipient", RECIPIENTS, "PAT or PROV", format);
    oneOf(values, "patientPerson.administrativeGenderCode.c", GENDERS, "M, F or UN", format);
    age(values, format);
    for (String context : List.of("taskContext.c.c", "encounter.c.c")) {
      String value = values.get(context.toLowerCase(Locale.ROOT));
      if (value != null && !TOKEN.matcher(value.strip()).matches()) {
        throw new BadInfobuttonRequest(context + " is not a code: '" + value + "'", format);
      }
    }
    return new InfobuttonRequest(
        criteria(values, format), language, recipient, responseFormat, callback);
  }

  /**
   * The format to answer an error in, read leniently (never fails): the format asked if it is one
   * we serve, else XML; JSONP only with a safe callback, else JSON.
   */
  static ErrorFormat errorFormat(Map<String, String[]> parameters) {
    Map<String, String> values = firstValues(parameters);
    String asked = values.get("knowledgeresponsetype");
    ResponseFormat format =
        asked == null ? ResponseFormat.XML : ResponseFormat.of(asked).orElse(ResponseFormat.XML);
    String callback = values.get("callback");
    if (format == ResponseFormat.JSONP
        && (callback == null || !CALLBACK.matcher(callback).matches())) {
      return new ErrorFormat(ResponseFormat.JSON, null);
    }
    return new ErrorFormat(format, format == ResponseFormat.JSONP ? callback : null);
  }

  /** Lower-cased names, first value of each; blank values count as absent. */
  private static Map<String, String> firstValues(Map<String, String[]> parameters) {
    Map<String, String> values = new HashMap<>();
    parameters.forEach(
        (name, given) -> {
          if (given != null && given.length > 0 && given[0] != null && !given[0].isBlank()) {
            values.putIfAbsent(name.toLowerCase(Locale.ROOT), given[0].strip());
          }
        });
    return values;
  }

  private static ResponseFormat format(Map<String, String> values) {
    String asked = values.get("knowledgeresponsetype");
    if (asked == null) {
      return ResponseFormat.XML;
    }
    return ResponseFormat.of(asked)
        .orElseThrow(
            () ->
                new BadInfobuttonRequest(
                    "knowledgeResponseType '"
                        + asked
                        + "' is not served; use text/xml, application/json or"
                        + " application/javascript (with callback)",
                    new ErrorFormat(ResponseFormat.XML, null)));
  }

  private static String callback(Map<String, String> values, ResponseFormat format) {
    String callback = values.get("callback");
    if (format != ResponseFormat.JSONP) {
      return null;
    }
    if (callback == null) {
      throw new BadInfobuttonRequest(
          "knowledgeResponseType application/javascript needs a callback parameter",
          new ErrorFormat(ResponseFormat.JSON, null));
    }
    if (!CALLBACK.matcher(callback).matches()) {
      // Never echo an unsafe name into JavaScript: answer the error as plain JSON.
      throw new BadInfobuttonRequest(
          "callback must be a JavaScript name (letters, digits, _ and $, dotted)",
          new ErrorFormat(ResponseFormat.JSON, null));
    }
    return callback;
  }

  /** "en" when not given; "sp" (MedlinePlus Connect's code for Spanish) means "es". */
  private static String language(String given, ErrorFormat format) {
    if (given == null) {
      return "en";
    }
    String tag = given.toLowerCase(Locale.ROOT).replace('_', '-');
    if (!LANGUAGE.matcher(tag).matches()) {
      throw new BadInfobuttonRequest(
          "informationRecipient.languageCode.c '" + given + "' is not a language code (en, es)",
          format);
    }
    String primary = tag.contains("-") ? tag.substring(0, tag.indexOf('-')) : tag;
    return primary.equals("sp") ? "es" : primary;
  }

  private static String oneOf(
      Map<String, String> values,
      String name,
      Set<String> allowed,
      String expected,
      ErrorFormat format) {
    String value = values.get(name.toLowerCase(Locale.ROOT));
    if (value == null) {
      return null;
    }
    String code = value.toUpperCase(Locale.ROOT);
    if (!allowed.contains(code)) {
      throw new BadInfobuttonRequest(name + " '" + value + "' is not one of " + expected, format);
    }
    return code;
  }

  private static void age(Map<String, String> values, ErrorFormat format) {
    String value = values.get("age.v.v");
    if (value != null) {
      try {
        if (new BigDecimal(value).signum() < 0) {
          throw new NumberFormatException();
        }
      } catch (NumberFormatException e) {
        throw new BadInfobuttonRequest(
            "age.v.v '" + value + "' is not a number of years, months, ...", format);
      }
    }
    String unit = values.get("age.v.u");
    if (unit != null && !AGE_UNITS.contains(unit.toLowerCase(Locale.ROOT))) {
      throw new BadInfobuttonRequest(
          "age.v.u '" + unit + "' is not a UCUM age unit (a, mo, wk, d, h, min)", format);
    }
  }

  /** The criteria by suffix (none = 0), each checked. */
  private static List<InfobuttonRequest.Criterion> criteria(
      Map<String, String> values, ErrorFormat format) {
    Map<Integer, Map<String, String>> bySuffix = new TreeMap<>();
    values.forEach(
        (name, value) -> {
          Matcher matcher = CRITERION.matcher(name);
          if (matcher.matches()) {
            int suffix = matcher.group(2).isEmpty() ? 0 : Integer.parseInt(matcher.group(2));
            // The current ".v." form wins over the deprecated ".c." one for the same criterion.
            Map<String, String> parts = bySuffix.computeIfAbsent(suffix, k -> new HashMap<>());
            if (name.contains(".v.") || !parts.containsKey(matcher.group(1))) {
              parts.put(matcher.group(1), value);
            }
          }
        });
    List<InfobuttonRequest.Criterion> criteria = new ArrayList<>();
    bySuffix.forEach((suffix, parts) -> criteria.add(criterion(suffix, parts, format)));
    if (criteria.isEmpty()) {
      throw new BadInfobuttonRequest(
          "Nothing to look up: give mainSearchCriteria.v.c with mainSearchCriteria.v.cs (the code"
              + " system's OID), or mainSearchCriteria.v.dn (a name)",
          format);
    }
    return criteria;
  }

  private static InfobuttonRequest.Criterion criterion(
      int suffix, Map<String, String> parts, ErrorFormat format) {
    String label = "mainSearchCriteria.v." + "%s" + (suffix == 0 ? "" : String.valueOf(suffix));
    String code = parts.get("c");
    String system = parts.get("cs");
    String name = parts.get("dn");
    if (name != null && name.length() > MAX_NAME) {
      throw new BadInfobuttonRequest(
          label.formatted("dn") + " is longer than " + MAX_NAME + " characters", format);
    }
    if (code == null) {
      if (name == null) {
        throw new BadInfobuttonRequest(
            label.formatted("cs") + " is given without a code (" + label.formatted("c") + ")",
            format);
      }
      return new InfobuttonRequest.Criterion(null, null, name);
    }
    if (!TOKEN.matcher(code).matches()) {
      throw new BadInfobuttonRequest(
          label.formatted("c") + " '" + code + "' is not a code", format);
    }
    if (system == null) {
      throw new BadInfobuttonRequest(
          label.formatted("cs")
              + " is required with a code: the code system's OID (ICD-10-CM"
              + " 2.16.840.1.113883.6.90, SNOMED CT 2.16.840.1.113883.6.96, RxNorm"
              + " 2.16.840.1.113883.6.88)",
          format);
    }
    CodeSystemOids codeSystem =
        CodeSystemOids.ofOid(system)
            .orElseThrow(
                () ->
                    new BadInfobuttonRequest(
                        label.formatted("cs")
                            + " '"
                            + system
                            + "' is not a code system this service knows; known: "
                            + knownOids(),
                        format));
    return new InfobuttonRequest.Criterion(codeSystem, code, name);
  }

  private static String knownOids() {
    List<String> known = new ArrayList<>();
    for (CodeSystemOids system : CodeSystemOids.values()) {
      known.add(system.oid() + " (" + system.label() + ")");
    }
    return String.join(", ", known);
  }
}
