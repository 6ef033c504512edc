package org.patientedu.infobutton;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The feed as MedlinePlus Connect writes it in JSON, so clients written for it parse ours: {@code
 * feed} with its text values in {@code _value} members, {@code category[]} echoing the request,
 * {@code entry[].title._value}, {@code entry[].link[].href}, {@code entry[].id[]._value}, {@code
 * entry[].updated[]._value}, {@code entry[].summary._value}.
 */
final class MedlinePlusJsonWriter {

  private final ObjectMapper mapper;

  MedlinePlusJsonWriter(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  byte[] write(Feed feed) {
    ObjectNode root = mapper.createObjectNode();
    ObjectNode json = root.putObject("feed");
    json.put("xsi", "http://www.w3.org/2001/XMLSchema-instance");
    json.put("base", feed.base() + "/");
    json.put("lang", feed.language());
    value(json.putObject("title"), feed.title()).put("type", "text");
    value(json.putObject("updated"), AtomFeedWriter.timestamp(feed.updated()));
    value(json.putObject("id"), feed.id());
    ObjectNode author = json.putObject("author");
    value(author.putObject("name"), feed.authorName());
    value(author.putObject("uri"), feed.authorUri());
    ArrayNode categories = json.putArray("category");
    for (Feed.Category category : feed.categories()) {
      categories.addObject().put("scheme", category.scheme()).put("term", category.term());
    }
    value(json.putObject("subtitle"), feed.subtitle()).put("type", "text");
    ArrayNode entries = json.putArray("entry");
    for (Feed.Entry entry : feed.entries()) {
      ObjectNode item = entries.addObject();
      item.put("lang", entry.language());
      value(item.putObject("title"), entry.title()).put("type", "text");
      item.putArray("link")
          .addObject()
          .put("href", entry.href())
          .put("rel", "alternate")
          .put("type", "text/html")
          .put("hreflang", entry.language());
      value(item.putArray("id").addObject(), entry.id());
      value(item.putArray("updated").addObject(), AtomFeedWriter.timestamp(entry.updated()));
      value(item.putObject("summary"), entry.summaryHtml()).put("type", "html");
    }
    return bytes(root);
  }

  /**
   * The JSON to put inside a JSONP callback: U+2028 and U+2029 are valid in JSON strings but end a
   * line in older JavaScript engines, so they are escaped.
   */
  byte[] writeForJsonp(Feed feed) {
    return new String(write(feed), StandardCharsets.UTF_8)
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** JSONP: the JSON as the argument of a call to the (already checked) callback. */
  static byte[] jsonp(String callback, byte[] json) {
    byte[] before = ("/**/" + callback + "(").getBytes(StandardCharsets.UTF_8);
    byte[] after = ");".getBytes(StandardCharsets.UTF_8);
    byte[] call = Arrays.copyOf(before, before.length + json.length + after.length);
    System.arraycopy(json, 0, call, before.length, json.length);
    System.arraycopy(after, 0, call, before.length + json.length, after.length);
    return call;
  }

  byte[] errorJsonp(int status, String message, String callback) {
    return jsonp(callback, error(status, message));
  }

  byte[] error(int status, String message) {
    ObjectNode root = mapper.createObjectNode();
    root.putObject("error").put("status", status).put("message", message);
    return bytes(root);
  }

  private static ObjectNode value(ObjectNode node, String value) {
    return node.put("_value", value);
  }

  private byte[] bytes(ObjectNode root) {
    try {
      return mapper.writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write JSON", e);
    }
  }
}
