package org.patientedu.contentpack.page;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Whitespace and sentence helpers shared by readers, recognisers and renditions. */
public final class Text {

  private static final Pattern SPACES =
      Pattern.compile("[\\s\\u00A0\\u2000-\\u200A\\u202F\\u205F\\u3000]+");
  private static final Pattern INVISIBLE = Pattern.compile("[\\u200B\\u200C\\u200D\\u2060\\uFEFF]");
  private static final Pattern MARKDOWN_LINK = Pattern.compile("\\[([^\\]]*)]\\([^)]*\\)");
  private static final Pattern SENTENCE_END =
      Pattern.compile("(?<=[.!?][\"”’')]{0,2})\\s+(?=[\"“‘(]?[\\p{Lu}\\d])");

  private Text() {}

  /** Collapses every run of whitespace (including no-break spaces) to one space and trims. */
  public static String normalize(String text) {
    if (text == null) {
      return "";
    }
    String visible = INVISIBLE.matcher(text).replaceAll("");
    return SPACES.matcher(visible).replaceAll(" ").trim();
  }

  /**
   * "[visit our Emergency page](#)" → "visit our Emergency page": link syntax from text exports.
   */
  public static String stripMarkdownLinks(String text) {
    return MARKDOWN_LINK.matcher(text).replaceAll("$1");
  }

  /** Splits normalised text into sentences at . ! ? followed by a capital or digit. */
  public static List<String> sentences(String text) {
    List<String> result = new ArrayList<>();
    for (String part : SENTENCE_END.split(normalize(text))) {
      if (!part.isBlank()) {
        result.add(part.trim());
      }
    }
    return result;
  }

  public static boolean endsLikeSentence(String text) {
    return text.matches("(?s).*[.!?:;…][\"”’')\\]]*$");
  }

  public static boolean startsLowercase(String text) {
    return !text.isEmpty() && Character.isLowerCase(text.codePointAt(0));
  }

  public static int wordCount(String text) {
    String n = normalize(text);
    return n.isEmpty() ? 0 : n.split(" ").length;
  }
}
