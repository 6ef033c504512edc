package org.patientedu.ig;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The guide's pages render as they did with the hand-written renderer this replaced: the same
 * elements and text (CommonMark keeps a paragraph's line breaks and gives tables a thead, which a
 * browser shows the same way). Expected HTML written out by hand.
 */
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

        Run:

            curl 'http://localhost/fhir/Library?context=a|b'

        ```java
        spec.setInstallResourceTypes(List.of("Library"));
        ```
        """);
    assertThat(html)
        .isEqualTo(
            """
            <h1>Title</h1>
            <p>Some <em>loose</em> text
            on two lines with <code>code</code> and <strong>bold</strong>.</p>
            <ul>
            <li>one</li>
            <li>two</li>
            </ul>
            <p>Run:</p>
            <pre><code>curl 'http://localhost/fhir/Library?context=a|b'
            </code></pre>
            <pre><code>spec.setInstallResourceTypes(List.of(&quot;Library&quot;));
            </code></pre>
            """);
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
            """
            <table>
            <thead>
            <tr>
            <th>Credits</th>
            <th>Library</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td>Author</td>
            <td><code>author.name</code></td>
            </tr>
            </tbody>
            </table>
            """);
  }

  @Test
  void escapesMarkupAndKeepsLinksToSafeTargets() {
    String html =
        Markdown.toHtml(
            "See <script>alert(1)</script> [load](loading.html) [x](javascript:alert(1))"
                + " [home](index.html) [spec](https://hl7.org/fhir/R4/)");
    assertThat(html)
        .isEqualTo(
            "<p>See &lt;script&gt;alert(1)&lt;/script&gt; <a href=\"/ig/pages/loading\">load</a>"
                + " <a href=\"#\">x</a> <a href=\"/ig/\">home</a>"
                + " <a href=\"https://hl7.org/fhir/R4/\">spec</a></p>\n");
  }

  /** A line that starts with a tag is a CommonMark HTML block: escaped whole, links and all. */
  @Test
  void escapesABlockOfRawHtml() {
    assertThat(Markdown.toHtml("<div onclick=\"x()\">hi</div>\n"))
        .isEqualTo("<p>&lt;div onclick=&quot;x()&quot;&gt;hi&lt;/div&gt;</p>\n");
  }

  @Test
  void takesTheTitleFromTheFirstHeading() {
    assertThat(Markdown.title("intro\n# Loading the package\n## More", "loading"))
        .isEqualTo("Loading the package");
    assertThat(Markdown.title("```\n# a shell comment\n```\n# Real title", "x"))
        .isEqualTo("Real title");
    assertThat(Markdown.title("no heading", "fallback")).isEqualTo("fallback");
  }
}
