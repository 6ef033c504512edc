package org.patientedu.contentpack.readability;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How hard a page is to read: Flesch-Kincaid grade level, word count and reading time. Health
 * literacy guidance asks for patient material at or below grade 8.
 *
 * <p>Grade = 0.39 × (words / sentences) + 11.8 × (syllables / words) − 15.59. Syllables are counted
 * by the usual vowel-group rule for English (silent final "e", "-le" endings), the same
 * approximation the common readability tools make. Reading time assumes 200 words a minute, a
 * typical adult reading speed for health information.
 */
public record Readability(
    int words, int sentences, int syllables, BigDecimal gradeLevel, int readingTimeMinutes) {

  static final int WORDS_PER_MINUTE = 200;
  private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}'’-]*|\\d+(?:[.,]\\d+)*");
  private static final Pattern SENTENCE_END = Pattern.compile("[.!?]+(?=\\s|$|[\"”’)])");
  private static final Pattern VOWEL_GROUP = Pattern.compile("[aeiouy]+");

  /** Readability of plain text in English; paragraphs and list items each end a sentence. */
  public static Readability of(String text) {
    int words = 0;
    int syllables = 0;
    Matcher word = WORD.matcher(text);
    while (word.find()) {
      words++;
      syllables += syllables(word.group());
    }
    int sentences = countSentences(text);
    if (words == 0) {
      return new Readability(0, 0, 0, BigDecimal.ZERO.setScale(1), 0);
    }
    double grade = 0.39 * words / sentences + 11.8 * syllables / words - 15.59;
    BigDecimal rounded = BigDecimal.valueOf(grade).setScale(1, RoundingMode.HALF_UP);
    int minutes = Math.max(1, (int) Math.ceil(words / (double) WORDS_PER_MINUTE));
    return new Readability(words, sentences, syllables, rounded, minutes);
  }

  /**
   * Sentence ends inside a block, plus blocks (lines) that end without punctuation, like headings.
   */
  static int countSentences(String text) {
    int sentences = 0;
    for (String block : text.split("\\R")) {
      String trimmed = block.strip();
      if (trimmed.isEmpty() || !WORD.matcher(trimmed).find()) {
        continue;
      }
      Matcher end = SENTENCE_END.matcher(trimmed);
      int inBlock = 0;
      int lastEnd = -1;
      while (end.find()) {
        inBlock++;
        lastEnd = end.end();
      }
      boolean trailingWords = lastEnd < 0 || WORD.matcher(trimmed.substring(lastEnd)).find();
      sentences += inBlock + (trailingWords ? 1 : 0);
    }
    return Math.max(1, sentences);
  }

  /** Vowel groups, less a silent final "e" (but not "-le" after a consonant), at least one. */
  static int syllables(String word) {
    String w = word.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    if (w.isEmpty()) {
      return 1; // a number is read as one word
    }
    int count = 0;
    Matcher groups = VOWEL_GROUP.matcher(w);
    while (groups.find()) {
      count++;
    }
    if (w.length() > 2 && w.endsWith("e") && !w.endsWith("le") && !w.endsWith("ee") && count > 1) {
      count--;
    } else if (w.length() > 2
        && w.endsWith("le")
        && !isVowel(w.charAt(w.length() - 3))
        && count == 1) {
      count++;
    }
    if (w.endsWith("es") || w.endsWith("ed")) {
      // "hopes", "named": the e is silent unless after t/d (ed) or s/x/z/ch/sh (es)
      char before = w.length() > 2 ? w.charAt(w.length() - 3) : 'a';
      boolean sounded =
          w.endsWith("ed") ? (before == 't' || before == 'd') : "sxzh".indexOf(before) >= 0;
      if (!sounded && count > 1 && !isVowel(before)) {
        count--;
      }
    }
    return Math.max(1, count);
  }

  private static boolean isVowel(char c) {
    return "aeiouy".indexOf(c) >= 0;
  }
}
