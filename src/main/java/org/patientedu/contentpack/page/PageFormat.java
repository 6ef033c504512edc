package org.patientedu.contentpack.page;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Text or HTML, decided by file extension first and by the content when the extension says nothing.
 */
public enum PageFormat {
  TEXT("source.txt"),
  HTML("source.html");

  private static final Pattern HTML_START =
      Pattern.compile(
          "(?is)^\\s*(<!--.*?-->\\s*)*(<!doctype\\s+html|<html|<head|<body|<article|<main|<div|<section|<h1|<p[\\s>])");

  private final String sourceFileName;

  PageFormat(String sourceFileName) {
    this.sourceFileName = sourceFileName;
  }

  /** The name the pack gives its copy of the source. */
  public String sourceFileName() {
    return sourceFileName;
  }

  /** The name of the copy of a translation's source: source-es.txt. */
  public String translationFileName(String language) {
    return sourceFileName.replace(".", "-" + language.toLowerCase(Locale.ROOT) + ".");
  }

  public static PageFormat detect(String fileName, String content) {
    String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".xhtml")) {
      return HTML;
    }
    // A .txt that is really saved HTML is still HTML.
    return HTML_START.matcher(content).find() ? HTML : TEXT;
  }
}
