package org.patientedu.contentpack.reading;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.patientedu.contentpack.page.Block;
import org.patientedu.contentpack.page.SourceBlock;
import org.patientedu.contentpack.page.Text;

/**
 * Reads plain text copied from a web page: one block per line, "1." / "-" lines grouped into lists
 * (indented lines continue the item above), and prose lines broken mid-sentence joined.
 */
public final class PlainTextReader {

  private static final Pattern NUMBERED = Pattern.compile("^(\\s*)\\d{1,3}[.)]\\s+(\\S.*)$");
  private static final Pattern BULLETED = Pattern.compile("^(\\s*)[-*•▪◦‣]\\s+(\\S.*)$");

  /** Only a long line can be wrapped prose; short ones are labels, menus, names. */
  private static final int MIN_BROKEN_LINE_LENGTH = 60;

  private record Marker(boolean numbered, int indent, String text) {}

  /**
   * @param lastPart the last physical line, when several were joined
   */
  private record Line(String text, boolean blankBefore, boolean blankAfter, String lastPart) {
    Line(String text, boolean blankBefore, boolean blankAfter) {
      this(text, blankBefore, blankAfter, text);
    }
  }

  public ReadResult read(String content) {
    String[] lines = content.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    List<Object> raw = new ArrayList<>(); // Line or Block (lists)
    List<Boolean> rawBlankBefore = new ArrayList<>();
    boolean blankBefore = true;
    int i = 0;
    while (i < lines.length) {
      String line = lines[i];
      if (line.isBlank()) {
        blankBefore = true;
        i++;
        continue;
      }
      Marker marker = marker(line);
      if (marker != null) {
        List<String> items = new ArrayList<>();
        StringBuilder current = new StringBuilder(marker.text());
        int indent = marker.indent();
        i++;
        while (i < lines.length && !lines[i].isBlank()) {
          Marker next = marker(lines[i]);
          if (next != null && next.numbered() == marker.numbered()) {
            items.add(Text.normalize(current.toString()));
            current = new StringBuilder(next.text());
            indent = next.indent();
          } else if (next == null && indent(lines[i]) > indent) {
            current.append(' ').append(lines[i].trim()); // continuation of the item
          } else {
            break;
          }
          i++;
        }
        items.add(Text.normalize(current.toString()));
        raw.add(Block.list(marker.numbered(), items));
      } else {
        boolean blankAfter = i + 1 >= lines.length || lines[i + 1].isBlank();
        raw.add(new Line(Text.normalize(line), blankBefore, blankAfter));
        i++;
      }
      rawBlankBefore.add(blankBefore);
      blankBefore = false;
    }
    return joinBrokenLines(raw, rawBlankBefore);
  }

  private ReadResult joinBrokenLines(List<Object> raw, List<Boolean> blankBefore) {
    List<SourceBlock> blocks = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Line pending = null;
    for (int k = 0; k < raw.size(); k++) {
      Object item = raw.get(k);
      if (item instanceof Line line) {
        if (pending != null && continues(pending, line, blankBefore.get(k))) {
          notes.add(
              "Joined a sentence broken across lines: \"..."
                  + tail(pending.text())
                  + "\" + \""
                  + head(line.text())
                  + "...\"");
          pending =
              new Line(
                  pending.text() + " " + line.text(),
                  pending.blankBefore(),
                  line.blankAfter(),
                  line.text());
          continue;
        }
        flush(pending, blocks);
        pending = line;
      } else {
        flush(pending, blocks);
        pending = null;
        blocks.add(new SourceBlock((Block) item, false));
      }
    }
    flush(pending, blocks);
    return new ReadResult(blocks, null, List.of(), notes);
  }

  /**
   * A prose line cut mid-sentence: the previous line is long and stops without punctuation, the
   * next starts in lower case; across a blank line the next line must also finish the sentence.
   */
  private static boolean continues(Line previous, Line next, boolean blankBetween) {
    if (Text.endsLikeSentence(previous.text())
        || !Text.startsLowercase(next.text())
        || previous.lastPart().length() < MIN_BROKEN_LINE_LENGTH) {
      return false;
    }
    return !blankBetween || Text.endsLikeSentence(next.text());
  }

  private static void flush(Line line, List<SourceBlock> blocks) {
    if (line != null) {
      blocks.add(
          new SourceBlock(Block.paragraph(line.text()), line.blankBefore() && line.blankAfter()));
    }
  }

  private static Marker marker(String line) {
    Matcher m = NUMBERED.matcher(line);
    if (m.matches()) {
      return new Marker(true, m.group(1).length(), m.group(2));
    }
    m = BULLETED.matcher(line);
    return m.matches() ? new Marker(false, m.group(1).length(), m.group(2)) : null;
  }

  private static int indent(String line) {
    int n = 0;
    while (n < line.length() && Character.isWhitespace(line.charAt(n))) {
      n++;
    }
    return n;
  }

  private static String tail(String text) {
    return text.length() <= 30 ? text : text.substring(text.length() - 30);
  }

  private static String head(String text) {
    return text.length() <= 30 ? text : text.substring(0, 30);
  }
}
