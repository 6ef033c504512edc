package org.patientedu.infobutton;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The feed as Atom 1.0 (RFC 4287), the HL7 Infobutton guide's default answer, written with StAX so
 * every value is escaped by the XML writer, never by hand.
 */
final class AtomFeedWriter {

  static final String ATOM = "http://www.w3.org/2005/Atom";
  private static final String XML_NS = "http://www.w3.org/XML/1998/namespace";
  private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

  private AtomFeedWriter() {}

  static byte[] write(Feed feed) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
    try {
      XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
      xml.writeStartDocument("UTF-8", "1.0");
      xml.setDefaultNamespace(ATOM);
      xml.writeStartElement(ATOM, "feed");
      xml.writeDefaultNamespace(ATOM);
      xml.writeAttribute("xml", XML_NS, "lang", feed.language());
      xml.writeAttribute("xml", XML_NS, "base", feed.base() + "/");
      text(xml, "title", feed.title());
      text(xml, "subtitle", feed.subtitle());
      xml.writeStartElement(ATOM, "author");
      element(xml, "name", feed.authorName());
      element(xml, "uri", feed.authorUri());
      xml.writeEndElement();
      element(xml, "updated", timestamp(feed.updated()));
      element(xml, "id", feed.id());
      for (Feed.Category category : feed.categories()) {
        xml.writeEmptyElement(ATOM, "category");
        xml.writeAttribute("scheme", category.scheme());
        xml.writeAttribute("term", category.term());
      }
      for (Feed.Entry entry : feed.entries()) {
        xml.writeStartElement(ATOM, "entry");
        xml.writeAttribute("xml", XML_NS, "lang", entry.language());
        text(xml, "title", entry.title());
        xml.writeEmptyElement(ATOM, "link");
        xml.writeAttribute("href", entry.href());
        xml.writeAttribute("rel", "alternate");
        xml.writeAttribute("type", "text/html");
        xml.writeAttribute("hreflang", entry.language());
        element(xml, "id", entry.id());
        element(xml, "updated", timestamp(entry.updated()));
        xml.writeStartElement(ATOM, "summary");
        xml.writeAttribute("type", "html");
        xml.writeCharacters(entry.summaryHtml());
        xml.writeEndElement();
        xml.writeEndElement();
      }
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("Cannot write the Atom feed", e);
    }
    return out.toByteArray();
  }

  /** A small XML error document, for the error answers (400, 429, 503) in the XML format. */
  static byte[] error(int status, String message) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try {
      XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeStartElement("error");
      element(xml, "status", String.valueOf(status));
      element(xml, "message", message);
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("Cannot write the error", e);
    }
    return out.toByteArray();
  }

  /** Atom's date-time: RFC 3339, to the second, in UTC. */
  static String timestamp(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private static void text(XMLStreamWriter xml, String name, String value)
      throws XMLStreamException {
    xml.writeStartElement(ATOM, name);
    xml.writeAttribute("type", "text");
    xml.writeCharacters(value == null ? "" : value);
    xml.writeEndElement();
  }

  private static void element(XMLStreamWriter xml, String name, String value)
      throws XMLStreamException {
    xml.writeStartElement(name);
    xml.writeCharacters(value == null ? "" : value);
    xml.writeEndElement();
  }

  static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
