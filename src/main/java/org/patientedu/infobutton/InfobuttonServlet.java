package org.patientedu.infobutton;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.OptionalLong;
import org.patientedu.education.EducationFinder;
import org.patientedu.education.EducationMatch;
import org.patientedu.education.EducationQuery;
import org.patientedu.education.HandoutAddresses;
import org.patientedu.fhirserver.NodeReadiness;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * {@code GET|POST /infobutton} and {@code /infobutton/service} (the path MedlinePlus Connect
 * clients append to the base URL): rate limit, parse, ask the shared education answer, render (or
 * replay the rendering kept for this catalog edition, {@link AnswerCache}).
 *
 * <p>A plain servlet rather than a Spring MVC controller: once answers were replayed, profiling
 * under load found the dispatcher's work (finding the handler among every controller, resolving
 * arguments, handling the returned entity) to be a third of each answer's CPU. Spring Security's
 * filters apply to it as to every path (the page chain).
 */
final class InfobuttonServlet extends HttpServlet {

  private final transient InfobuttonProperties properties;
  private final transient EducationFinder finder;
  private final transient FeedBuilder feeds;
  private final transient MedlinePlusJsonWriter json;
  private final transient ClientRateLimits rateLimits;
  private final transient HandoutAddresses addresses;
  private final transient AnswerCache answers;
  private final transient NodeReadiness readiness;

  InfobuttonServlet(
      InfobuttonProperties properties,
      EducationFinder finder,
      FeedBuilder feeds,
      MedlinePlusJsonWriter json,
      ClientRateLimits rateLimits,
      HandoutAddresses addresses,
      AnswerCache answers,
      NodeReadiness readiness) {
    this.properties = properties;
    this.finder = finder;
    this.feeds = feeds;
    this.json = json;
    this.rateLimits = rateLimits;
    this.addresses = addresses;
    this.answers = answers;
    this.readiness = readiness;
  }

  @Override
  protected void doGet(HttpServletRequest http, HttpServletResponse response) throws IOException {
    answer(http, response);
  }

  /** A form POST: the same parameters in the body. */
  @Override
  protected void doPost(HttpServletRequest http, HttpServletResponse response) throws IOException {
    answer(http, response);
  }

  private void answer(HttpServletRequest http, HttpServletResponse response) throws IOException {
    // Counted before anything else, bad requests included: they cost the server too.
    OptionalLong wait = rateLimits.secondsToWait(http.getRemoteAddr());
    if (wait.isPresent()) {
      ErrorFormat format = InfobuttonRequestParser.errorFormat(http.getParameterMap());
      error(
          response,
          HttpStatus.TOO_MANY_REQUESTS.value(),
          "Too many requests from this address; try again in " + wait.getAsLong() + " s",
          format,
          HttpHeaders.RETRY_AFTER,
          String.valueOf(wait.getAsLong()));
      return;
    }
    if (!readiness.answersFromContent()) {
      error(
          response,
          HttpStatus.SERVICE_UNAVAILABLE.value(),
          NodeReadiness.STARTING,
          InfobuttonRequestParser.errorFormat(http.getParameterMap()),
          HttpHeaders.RETRY_AFTER,
          NodeReadiness.RETRY_AFTER_SECONDS);
      return;
    }
    InfobuttonRequest request;
    try {
      request = InfobuttonRequestParser.parse(http.getParameterMap());
    } catch (BadInfobuttonRequest bad) {
      error(response, HttpStatus.BAD_REQUEST.value(), bad.getMessage(), bad.format(), null, null);
      return;
    }
    if (addresses.configuredBase().isEmpty()) {
      error(
          response,
          HttpStatus.SERVICE_UNAVAILABLE.value(),
          "This server has no public address (edu.handouts.public-base-url is not set), so it"
              + " cannot link to its handouts; ask its operator to set it",
          new ErrorFormat(request.format(), request.callback()),
          null,
          null);
      return;
    }
    // The body depends on the request and the catalog only: rendered once per catalog edition.
    EducationFinder.Edition edition = finder.edition();
    InfobuttonRequest key = request.withoutCallback();
    byte[] body = answers.body(edition.version(), key, () -> render(edition, key));
    if (request.format() == ResponseFormat.JSONP) {
      body = MedlinePlusJsonWriter.jsonp(request.callback(), body);
    }
    respond(response, HttpStatus.OK.value(), request.format(), body, null, null);
  }

  /** The answer's body; for JSONP the JSON that goes inside the callback. */
  private byte[] render(EducationFinder.Edition edition, InfobuttonRequest request) {
    List<EducationMatch> matches = edition.find(query(request));
    Feed feed = feeds.build(request, matches);
    return switch (request.format()) {
      case XML -> AtomFeedWriter.write(feed);
      case JSON -> json.write(feed);
      case JSONP -> json.writeForJsonp(feed);
    };
  }

  private EducationQuery query(InfobuttonRequest request) {
    return new EducationQuery(
        request.criteria().stream()
            .map(
                c ->
                    c.byName()
                        ? EducationQuery.Criterion.name(c.displayName())
                        : EducationQuery.Criterion.code(
                            c.codeSystem().uri(), c.code(), c.displayName()))
            .toList(),
        request.language(),
        properties.maxEntriesPerCode());
  }

  /** An error in the protocol's format: XML, JSON, or JSON wrapped in a safe callback. */
  private void error(
      HttpServletResponse response,
      int status,
      String message,
      ErrorFormat format,
      String header,
      String value)
      throws IOException {
    byte[] body =
        switch (format.format()) {
          case XML -> AtomFeedWriter.error(status, message);
          case JSON -> json.error(status, message);
          case JSONP -> json.errorJsonp(status, message, format.callback());
        };
    respond(response, status, format.format(), body, header, value);
  }

  private static void respond(
      HttpServletResponse response,
      int status,
      ResponseFormat format,
      byte[] body,
      String header,
      String value)
      throws IOException {
    response.setStatus(status);
    response.setContentType(format.contentType());
    response.setHeader("X-Content-Type-Options", "nosniff");
    // The answer changes with every review, approval or retirement.
    response.setHeader(HttpHeaders.CACHE_CONTROL, status < 300 ? "no-cache" : "no-store");
    if (header != null) {
      response.setHeader(header, value);
    }
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
