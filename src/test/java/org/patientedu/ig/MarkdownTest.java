package org.patientedu.ig;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTest {

  @Test
  void rendersHeadingsParagraphsListsAndCode() {
    String html =
        Markdown.toHtml(
            """
        # Title

        Some *loose* text
        on two lines with `code` and **bold**.

        - one
        - two

            curl 'http://localhost/fhir/Library?context=a|b'

        ```java
        spec.setInstallResourceTypes(List.of("Library"));
        ```
        """);
    assertThat(html)
        .contains(
            "<h1>Title</h1>",
            "<p>Some <em>loose</em> text on two lines with <code>code</code> and <strong>bold</strong>.</p>",
            "<ul>\n  <li>one</li>\n  <li>two</li>\n</ul>",
            "<pre><code>curl 'http://localhost/fhir/Library?context=a|b'\n</code></pre>",
            "<pre><code>spec.setInstallResourceTypes(List.of(&quot;Library&quot;));\n</code></pre>");
  }

  @Test
  void rendersPipeTablesWithAHeaderRow() {
    String html =
        Markdown.toHtml(
            """
        | Credits | Library |
        |---|---|
        | Author | `author.name` |
        """);
    assertThat(html)
        .isEqualTo(
            "<table>\n  <tr><th>Credits</th><th>Library</th></tr>\n"
                + "  <tr><td>Author</td><td><code>author.name</code></td></tr>\n</table>\n");
  }

  @Test
  void escapesMarkupAndKeepsLinksToSafeTargets() {
    String html =
        Markdown.toHtml(
            "<script>alert(1)</script> [load](loading.html) [x](javascript:alert(1)) [home](index.html)");
    assertThat(html)
        .doesNotContain("<script>")
        .contains(
            "&lt;script&gt;",
            "<a href=\"/ig/pages/loading\">load</a>",
            "<a href=\"#\">x</a>",
            "<a href=\"/ig/\">home</a>");
  }

  @Test
  void takesTheTitleFromTheFirstHeading() {
    assertThat(Markdown.title("intro\n# Loading the package\n## More", "loading"))
        .isEqualTo("Loading the package");
    assertThat(Markdown.title("no heading", "fallback")).isEqualTo("fallback");
  }
}
