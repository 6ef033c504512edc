package org.patientedu.contentpack.reading.recognize;

import java.util.Locale;
import java.util.Set;

/** Names of generative AI tools that pages credit as "authors"; such content is flagged. */
final class AiTools {

  private static final Set<String> NAMES =
      Set.of(
          "chatgpt",
          "gpt-4",
          "gpt-3.5",
          "openai",
          "bard",
          "gemini",
          "google gemini",
          "claude",
          "copilot",
          "microsoft copilot",
          "bing chat",
          "llama",
          "perplexity");

  private AiTools() {}

  static boolean isAiTool(String name) {
    return name != null && NAMES.contains(name.trim().toLowerCase(Locale.ROOT));
  }
}
