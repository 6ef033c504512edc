package org.patientedu.contentpack.building;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.patientedu.contentpack.page.Block;
import org.patientedu.contentpack.page.ParsedPage;

/**
 * The plain-text handout: title underlined with '=', headings with '-', numbered and bulleted
 * items, one paragraph per line (no hard wrapping, so sentences stay whole), credits at the end.
 */
public final class TextRendition {

  private TextRendition() {}

  public static String render(ParsedPage page) {
    StringBuilder out = new StringBuilder();
    if (page.title() != null) {
      underline(out, page.title(), '=');
    }
    appendBlocks(out, page.article());
    underline(out, "Credits", '-');
    appendBlocks(out, HandoutCredits.blocks(page.credits()));
    // one newline at the end, not a blank line
    while (out.length() > 1
        && out.charAt(out.length() - 1) == '\n'
        && out.charAt(out.length() - 2) == '\n') {
      out.setLength(out.length() - 1);
    }
    return out.toString();
  }

  public static Rendition rendition(ParsedPage page, String binaryId, String title) {
    return new Rendition(
        binaryId, Rendition.TEXT_TYPE, title, render(page).getBytes(StandardCharsets.UTF_8));
  }

  /** A translation: its title and article only (the credits are the page's own). */
  static Rendition translation(ParsedPage page, String language, String binaryId, String title) {
    StringBuilder out = new StringBuilder();
    if (page.title() != null) {
      underline(out, page.title(), '=');
    }
    appendBlocks(out, page.article());
    String text = out.toString().stripTrailing() + "\n";
    return new Rendition(
        binaryId, Rendition.TEXT_TYPE, title, text.getBytes(StandardCharsets.UTF_8), language);
  }

  private static void appendBlocks(StringBuilder out, List<Block> blocks) {
    for (Block block : blocks) {
      switch (block.kind()) {
        case HEADING -> underline(out, block.text(), block.level() <= 2 ? '-' : '~');
        case PARAGRAPH -> out.append(block.text()).append("\n\n");
        case BULLETED_LIST, NUMBERED_LIST -> {
          int n = 1;
          for (String item : block.items()) {
            String marker = block.kind() == Block.Kind.NUMBERED_LIST ? (n++) + "." : "-";
            out.append("  ").append(marker).append(' ').append(item).append('\n');
          }
          out.append('\n');
        }
      }
    }
  }

  private static void underline(StringBuilder out, String text, char mark) {
    out.append(text)
        .append('\n')
        .append(String.valueOf(mark).repeat(text.codePointCount(0, text.length())))
        .append("\n\n");
  }
}
