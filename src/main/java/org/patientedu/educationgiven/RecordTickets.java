package org.patientedu.educationgiven;

import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTClaimsSet;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.Reference;
import org.patientedu.audit.FormWrites;
import org.patientedu.education.HandoutAddresses;
import org.patientedu.security.JtiLedger;
import org.patientedu.security.ServerSignedJwts;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The record-as-given ticket: a nurse in a browser holds no SMART token, so the handout link of a
 * CDS Hooks card carries a short-lived JWT signed by this server ({@link ServerSignedJwts}) that
 * allows exactly one thing, once: recording that this page, at this version, was given to this
 * patient in this encounter. The handout page shows its "Record as given" form only with a valid
 * ticket; the form posts the ticket back (the ticket is the credential: no cookie, so nothing a
 * forged cross-site post could borrow), and the record is stored here as {@code $record-given}
 * stores it, the ticket's {@code jti} used up in the same database transaction.
 */
public final class RecordTickets {

  static final JOSEObjectType TYPE = new JOSEObjectType("record-given-ticket+jwt");

  /** The ledger's client name for these tickets' ids (apart from SMART's and CDS Hooks'). */
  static final String LEDGER_CLIENT = "record-given-ticket";

  private static final String PAGE = "page";
  private static final String PAGE_VERSION = "page_version";
  private static final String PATIENT = "patient";
  private static final String ENCOUNTER = "encounter";
  private static final String FHIR_SERVER = "fhir_server";
  private static final String LANGUAGE = "language";

  /**
   * What a ticket allows.
   *
   * @param patient the patient, absolute on the EHR's FHIR server
   * @param encounter the encounter, absolute on the EHR's FHIR server
   * @param fhirServer the EHR's FHIR server the hook named
   * @param subject who the card was shown to (the hook's userId, absolute)
   * @param language the language the card offered the page in (BCP 47)
   */
  public record Ticket(
      String pageId,
      long pageVersion,
      String patient,
      String encounter,
      String fhirServer,
      String subject,
      String language,
      Instant expiresAt,
      String jti) {}

  /** Why a ticket is refused, with the HTTP status that says it. */
  public enum Refusal {
    /** Not a ticket, or not signed by this server. */
    NOT_OURS(403),
    EXPIRED(403),
    /** A genuine ticket for another handout. */
    OTHER_PAGE(403),
    /** The page has a new version since the card: the ticket named the one then. */
    PAGE_CHANGED(409),
    /** The page is not approved (a draft, retired) or gone. */
    NOT_APPROVED(422),
    USED(409);

    private final int status;

    Refusal(int status) {
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  /** A ticket refused, and why. */
  public static final class Refused extends Exception {
    private final Refusal refusal;

    Refused(Refusal refusal, String message) {
      super(message);
      this.refusal = refusal;
    }

    public Refusal refusal() {
      return refusal;
    }
  }

  /** What was recorded: the ids this server gave the two records, and what they say. */
  public record Recorded(
      Ticket ticket,
      String title,
      Medium medium,
      String documentReference,
      String procedure,
      Instant when) {}

  private final ServerSignedJwts jwts;
  private final JtiLedger ledger;
  private final HandoutAddresses addresses;
  private final EducationGivenStore store;
  private final FormWrites audit;
  private final TransactionTemplate transaction;

  RecordTickets(
      ServerSignedJwts jwts,
      JtiLedger ledger,
      HandoutAddresses addresses,
      EducationGivenStore store,
      FormWrites audit,
      PlatformTransactionManager transactions) {
    this.jwts = jwts;
    this.ledger = ledger;
    this.addresses = addresses;
    this.store = store;
    this.audit = audit;
    this.transaction = new TransactionTemplate(transactions);
  }

  /**
   * A ticket for a card's handout link. The references must be absolute (the EHR's): a record
   * stored here must not point at a resource of this server that merely has the same id.
   *
   * @param lifetime how long the nurse has to press the button
   *     (edu.cds-hooks.record-ticket-lifetime)
   */
  public String issue(
      String pageId,
      long pageVersion,
      String patient,
      String encounter,
      String fhirServer,
      String subject,
      String language,
      Duration lifetime) {
    Instant now = Instant.now();
    return jwts.sign(
        TYPE,
        new JWTClaimsSet.Builder()
            .issuer(addresses.base())
            .audience(addresses.recordGiven(pageId))
            .subject(subject)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(lifetime)))
            .jwtID(UUID.randomUUID().toString())
            .claim(PAGE, pageId)
            .claim(PAGE_VERSION, pageVersion)
            .claim(PATIENT, patient)
            .claim(ENCOUNTER, encounter)
            .claim(FHIR_SERVER, fhirServer)
            .claim(LANGUAGE, language)
            .build());
  }

  /**
   * The ticket, if it allows recording this page as it is now: signed here, not expired, for this
   * page at its current version, which is approved. Does not use it up.
   */
  public Ticket check(String token, String pageId) throws Refused {
    return checked(token, pageId).ticket();
  }

  /** A ticket that allows recording, and the page as stored now. */
  private record Checked(Ticket ticket, Library library) {}

  private Checked checked(String token, String pageId) throws Refused {
    Ticket ticket = read(token, pageId);
    Library library;
    try {
      library = store.approvedLibrary(pageId);
    } catch (ResourceNotFoundException | UnprocessableEntityException notApproved) {
      throw new Refused(
          Refusal.NOT_APPROVED, "the page is not approved for use now, so it cannot be recorded");
    }
    if (library.getIdElement().getVersionIdPartAsLong() != ticket.pageVersion()) {
      throw new Refused(
          Refusal.PAGE_CHANGED,
          "the page has changed since the card was shown (version "
              + ticket.pageVersion()
              + " then, "
              + library.getIdElement().getVersionIdPart()
              + " now)");
    }
    return new Checked(ticket, library);
  }

  /**
   * Records the page given, once per ticket: the ticket's {@code jti}, the DocumentReference, the
   * Procedure and their audit events in one database transaction.
   */
  public Recorded redeem(String token, String pageId, Medium medium, String networkAddress)
      throws Refused {
    Checked checked = checked(token, pageId);
    Ticket ticket = checked.ticket();
    Library library = checked.library();
    String practitioner = practitionerOf(ticket.subject());
    EducationGivenStore.Stored stored;
    try {
      stored =
          transaction.execute(
              status -> {
                if (!ledger.firstUse(LEDGER_CLIENT, ticket.jti(), ticket.expiresAt())) {
                  throw new UsedTicket();
                }
                EducationGivenStore.Stored records =
                    store.store(
                        library,
                        ticket.patient(),
                        ticket.encounter(),
                        practitioner,
                        medium,
                        ticket.language(),
                        new SystemRequestDetails(),
                        true);
                audit.created(
                    List.of(
                        records.document().getIdElement().toUnqualified().getValue(),
                        records.procedure().getIdElement().toUnqualified().getValue()),
                    List.of(ticket.patient()),
                    new Reference(ticket.subject()).setDisplay(ticket.subject()),
                    addresses.base() + "/fhir",
                    networkAddress);
                return records;
              });
    } catch (UsedTicket used) {
      throw new Refused(Refusal.USED, "this link was used already: the record is made");
    }
    Objects.requireNonNull(stored);
    return new Recorded(
        ticket,
        library.hasTitle() ? library.getTitle() : library.getName(),
        medium,
        stored.document().getIdElement().toUnqualifiedVersionless().getValue(),
        stored.procedure().getIdElement().toUnqualifiedVersionless().getValue(),
        stored.document().getDate().toInstant());
  }

  private Ticket read(String token, String pageId) throws Refused {
    JWTClaimsSet claims;
    try {
      claims = jwts.verify(token == null ? "" : token, TYPE);
    } catch (ServerSignedJwts.Refused refused) {
      throw switch (refused.failure()) {
        case EXPIRED ->
            new Refused(Refusal.EXPIRED, "the link has expired (" + refused.getMessage() + ")");
        case NOT_OURS ->
            new Refused(Refusal.NOT_OURS, "the link's ticket was not issued by this server");
      };
    }
    try {
      if (!addresses.base().equals(claims.getIssuer())
          || claims.getStringClaim(PAGE) == null
          || claims.getJWTID() == null
          || claims.getStringClaim(PATIENT) == null
          || claims.getStringClaim(ENCOUNTER) == null
          || claims.getLongClaim(PAGE_VERSION) == null) {
        throw new Refused(Refusal.NOT_OURS, "the link's ticket was not issued by this server");
      }
      if (!pageId.equals(claims.getStringClaim(PAGE))
          || claims.getAudience() == null
          || !claims.getAudience().contains(addresses.recordGiven(pageId))) {
        throw new Refused(Refusal.OTHER_PAGE, "the link's ticket is for another handout");
      }
      return new Ticket(
          claims.getStringClaim(PAGE),
          claims.getLongClaim(PAGE_VERSION),
          claims.getStringClaim(PATIENT),
          claims.getStringClaim(ENCOUNTER),
          claims.getStringClaim(FHIR_SERVER),
          claims.getSubject(),
          claims.getStringClaim(LANGUAGE),
          claims.getExpirationTime().toInstant(),
          claims.getJWTID());
    } catch (ParseException malformed) {
      throw new Refused(Refusal.NOT_OURS, "the link's ticket was not issued by this server");
    }
  }

  /** The clinician the card was shown to, when the EHR named a Practitioner (or role). */
  private static String practitionerOf(String subject) {
    if (subject == null) {
      return null;
    }
    String type = new IdType(subject).getResourceType();
    return "Practitioner".equals(type) || "PractitionerRole".equals(type) ? subject : null;
  }

  /** Rolls the transaction back when the ticket's id was used before. */
  private static final class UsedTicket extends RuntimeException {
    UsedTicket() {
      super(null, null, false, false);
    }
  }
}
