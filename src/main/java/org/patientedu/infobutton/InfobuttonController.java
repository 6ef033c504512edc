package org.patientedu.infobutton;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.OptionalLong;
import org.patientedu.education.EducationFinder;
import org.patientedu.education.EducationMatch;
import org.patientedu.education.EducationQuery;
import org.patientedu.education.HandoutAddresses;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET|POST /infobutton} and {@code /infobutton/service} (the path MedlinePlus Connect
 * clients append to the base URL): rate limit, parse, ask the shared education answer, render (or
 * replay the rendering kept for this catalog edition, {@link AnswerCache}).
 */
@RestController
class InfobuttonController {

  private final InfobuttonProperties properties;
  private final EducationFinder finder;
  private final FeedBuilder feeds;
  private final MedlinePlusJsonWriter json;
  private final ClientRateLimits rateLimits;
  private final HandoutAddresses addresses;
  private final AnswerCache answers;

  InfobuttonController(
      InfobuttonProperties properties,
      EducationFinder finder,
      FeedBuilder feeds,
      MedlinePlusJsonWriter json,
      ClientRateLimits rateLimits,
      HandoutAddresses addresses,
      AnswerCache answers) {
    this.addresses = addresses;
    this.answers = answers;
    this.properties = properties;
    this.finder = finder;
    this.feeds = feeds;
    this.json = json;
    this.rateLimits = rateLimits;
  }

  @RequestMapping(
      path = {"/infobutton", "/infobutton/service"},
      method = {RequestMethod.GET, RequestMethod.POST})
  ResponseEntity<byte[]> answer(HttpServletRequest http) {
    // Counted before anything else, bad requests included: they cost the server too.
    OptionalLong wait = rateLimits.secondsToWait(http.getRemoteAddr());
    if (wait.isPresent()) {
      ErrorFormat format = InfobuttonRequestParser.errorFormat(http.getParameterMap());
      return error(
          HttpStatus.TOO_MANY_REQUESTS,
          "Too many requests from this address; try again in " + wait.getAsLong() + " s",
          format,
          HttpHeaders.RETRY_AFTER,
          String.valueOf(wait.getAsLong()));
    }
    InfobuttonRequest request;
    try {
      request = InfobuttonRequestParser.parse(http.getParameterMap());
    } catch (BadInfobuttonRequest bad) {
      return error(HttpStatus.BAD_REQUEST, bad.getMessage(), bad.format(), null, null);
    }
    if (addresses.configuredBase().isEmpty()) {
      return error(
          HttpStatus.SERVICE_UNAVAILABLE,
          "This server has no public address (edu.handouts.public-base-url is not set), so it"
              + " cannot link to its handouts; ask its operator to set it",
          new ErrorFormat(request.format(), request.callback()),
          null,
          null);
    }
    // The body depends on the request and the catalog only: rendered once per catalog edition.
    EducationFinder.Edition edition = finder.edition();
    InfobuttonRequest key = request.withoutCallback();
    byte[] body = answers.body(edition.version(), key, () -> render(edition, key));
    if (request.format() == ResponseFormat.JSONP) {
      body = MedlinePlusJsonWriter.jsonp(request.callback(), body);
    }
    return respond(HttpStatus.OK, request.format(), body, null, null);
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
  private ResponseEntity<byte[]> error(
      HttpStatus status, String message, ErrorFormat format, String header, String value) {
    byte[] body =
        switch (format.format()) {
          case XML -> AtomFeedWriter.error(status.value(), message);
          case JSON -> json.error(status.value(), message);
          case JSONP -> json.errorJsonp(status.value(), message, format.callback());
        };
    return respond(status, format.format(), body, header, value);
  }

  private static ResponseEntity<byte[]> respond(
      HttpStatus status, ResponseFormat format, byte[] body, String header, String value) {
    ResponseEntity.BodyBuilder response =
        ResponseEntity.status(status)
            .header(HttpHeaders.CONTENT_TYPE, format.contentType())
            .header("X-Content-Type-Options", "nosniff")
            // The answer changes with every review, approval or retirement.
            .cacheControl(
                status.is2xxSuccessful() ? CacheControl.noCache() : CacheControl.noStore());
    if (header != null) {
      response.header(header, value);
    }
    return response.body(body);
  }
}
