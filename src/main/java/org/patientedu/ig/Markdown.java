package org.patientedu.ig;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough Markdown for the guide's own pages (ig/input/pagecontent): headings, paragraphs,
 * bullet lists, code blocks (indented or fenced), pipe tables, and inline code, bold, italics and
 * links. Everything is HTML-escaped first, so a page can never inject markup; links to {@code
 * other-page.html} (IG Publisher style) become links to this server's {@code /ig/pages/...}. A full
 * CommonMark library would be one more dependency for five trusted pages.
 */
final class Markdown {

  private static final Pattern CODE = Pattern.compile("`([^`]+)`");
  private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");
  private static final Pattern ITALIC =
      Pattern.compile("(?<![*\\w])\\*([^*\\s][^*]*?)\\*(?![*\\w])");
  private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\(([^)\\s]+)\\)");

  private Markdown() {}

  /** The first level-1 heading, or the fallback. */
  static String title(String markdown, String fallback) {
    for (String line : markdown.split("\n")) {
      if (line.startsWith("# ")) {
        return line.substring(2).strip();
      }
    }
    return fallback;
  }

  static String toHtml(String markdown) {
    StringBuilder html = new StringBuilder();
    List<String> lines = markdown.replace("\r", "").lines().toList();
    int i = 0;
    while (i < lines.size()) {
      String line = lines.get(i);
      if (line.isBlank()) {
        i++;
      } else if (line.startsWith("```")) {
        StringBuilder code = new StringBuilder();
        for (i++; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
          code.append(lines.get(i)).append('\n');
        }
        i++;
        html.append("<pre><code>").append(escape(code.toString())).append("</code></pre>\n");
      } else if (line.startsWith("    ")) {
        StringBuilder code = new StringBuilder();
        for (;
            i < lines.size() && (lines.get(i).startsWith("    ") || lines.get(i).isBlank());
            i++) {
          code.append(lines.get(i).length() >= 4 ? lines.get(i).substring(4) : "").append('\n');
        }
        html.append("<pre><code>")
            .append(escape(code.toString().stripTrailing() + "\n"))
            .append("</code></pre>\n");
      } else if (line.startsWith("#")) {
        int level = Math.min(line.indexOf(' ') > 0 ? line.indexOf(' ') : 1, 6);
        html.append("<h")
            .append(level)
            .append('>')
            .append(inline(line.substring(level).strip()))
            .append("</h")
            .append(level)
            .append(">\n");
        i++;
      } else if (line.startsWith("- ")) {
        html.append("<ul>\n");
        while (i < lines.size() && lines.get(i).startsWith("- ")) {
          StringBuilder item = new StringBuilder(lines.get(i).substring(2));
          for (i++;
              i < lines.size() && lines.get(i).startsWith("  ") && !lines.get(i).isBlank();
              i++) {
            item.append(' ').append(lines.get(i).strip());
          }
          html.append("  <li>").append(inline(item.toString())).append("</li>\n");
        }
        html.append("</ul>\n");
      } else if (line.startsWith("|")) {
        html.append("<table>\n");
        boolean header = true;
        for (; i < lines.size() && lines.get(i).startsWith("|"); i++) {
          String row = lines.get(i).strip();
          if (row.matches("\\|[\\s:|-]+\\|")) {
            continue; // the |---|---| separator
          }
          String cell = header ? "th" : "td";
          html.append("  <tr>");
          for (String value : row.substring(1, row.length() - 1).split("\\|", -1)) {
            html.append('<')
                .append(cell)
                .append('>')
                .append(inline(value.strip()))
                .append("</")
                .append(cell)
                .append('>');
          }
          html.append("</tr>\n");
          header = false;
        }
        html.append("</table>\n");
      } else {
        StringBuilder paragraph = new StringBuilder(line.strip());
        for (i++; i < lines.size() && !lines.get(i).isBlank() && !startsBlock(lines.get(i)); i++) {
          paragraph.append(' ').append(lines.get(i).strip());
        }
        html.append("<p>").append(inline(paragraph.toString())).append("</p>\n");
      }
    }
    return html.toString();
  }

  private static boolean startsBlock(String line) {
    return line.startsWith("#")
        || line.startsWith("- ")
        || line.startsWith("|")
        || line.startsWith("```")
        || line.startsWith("    ");
  }

  private static String inline(String text) {
    String html = escape(text);
    // code spans first, kept out of the other rules by a placeholder
    List<String> spans = new java.util.ArrayList<>();
    Matcher code = CODE.matcher(html);
    StringBuilder withoutCode = new StringBuilder();
    while (code.find()) {
      spans.add(code.group(1));
      code.appendReplacement(withoutCode, "\u0000" + (spans.size() - 1) + "\u0000");
    }
    code.appendTail(withoutCode);
    html = withoutCode.toString();
    html =
        LINK.matcher(html)
            .replaceAll(
                m ->
                    Matcher.quoteReplacement(
                        "<a href=\"" + href(m.group(2)) + "\">" + m.group(1) + "</a>"));
    html = BOLD.matcher(html).replaceAll("<strong>$1</strong>");
    html = ITALIC.matcher(html).replaceAll("<em>$1</em>");
    for (int n = 0; n < spans.size(); n++) {
      html = html.replace("\u0000" + n + "\u0000", "<code>" + spans.get(n) + "</code>");
    }
    return html;
  }

  /**
   * Page links of the IG Publisher kind point into this guide; anything but http(s) and relative
   * paths is dropped.
   */
  private static String href(String target) {
    if (target.equals("artifacts.html") || target.equals("index.html")) {
      return "/ig/";
    }
    if (target.matches("[a-z0-9-]+\\.html")) {
      return "/ig/pages/" + target.substring(0, target.length() - ".html".length());
    }
    if (target.startsWith("http://") || target.startsWith("https://") || target.startsWith("/")) {
      return target;
    }
    return "#";
  }

  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
