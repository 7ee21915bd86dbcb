package fr.ccamhub.server.dmp;

import fr.ccamhub.dmp.audit.DmpAuditEvents;
import fr.ccamhub.dmp.outbox.DeadLetter;
import fr.ccamhub.dmp.outbox.DmpOutbox;
import fr.ccamhub.dmp.outbox.OutboxItem;
import fr.ccamhub.dmp.outbox.OutboxState;
import fr.ccamhub.interceptors.audit.AuditEventRepository;
import fr.ccamhub.interceptors.security.AccessPrincipal;
import fr.ccamhub.interceptors.security.RequestPrincipals;
import fr.ccamhub.interceptors.security.Role;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Identifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The DMP queue for administrators ({@code /dmp/v1}): what is queued, held (and why), delivered or dead; the dead
 * letters with the validator's or the recipient's words and the Bundle; replaying a dead letter once its cause is
 * fixed, and releasing a held document once what held it is gone. Reading takes the admin or auditor role, acting
 * the admin role; every call leaves an AuditEvent naming the patients it showed or touched.
 */
@RestController
@RequestMapping(path = "/dmp/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@ConditionalOnProperty(name = "ccamhub.dmp.enabled", havingValue = "true")
public class DmpAdminController {

	private final DmpOutbox outbox;
	private final AuditEventRepository auditEvents;
	private final Runnable wakeUp;

	DmpAdminController(DmpOutbox outbox, AuditEventRepository auditEvents, DmpWakeUp wakeUp) {
		this.outbox = outbox;
		this.auditEvents = auditEvents;
		this.wakeUp = wakeUp::documentsQueued;
	}

	@GetMapping("/outbox")
	public List<OutboxItem> outbox(@RequestParam(required = false) String state,
			@RequestParam(defaultValue = "100") int limit, HttpServletRequest request) {
		AccessPrincipal principal = reader(request);
		List<OutboxItem> items = outbox.list(Optional.ofNullable(state).map(DmpAdminController::state), bounded(limit));
		audit(principal, request, false, items.stream().map(OutboxItem::patientId).toList());
		return items;
	}

	@GetMapping("/outbox/{id}")
	public OutboxItem item(@PathVariable long id, HttpServletRequest request) {
		AccessPrincipal principal = reader(request);
		OutboxItem item = outbox.find(id).orElseThrow(() -> notFound("Aucun document " + id + " dans la file DMP"));
		audit(principal, request, false, List.of(item.patientId()));
		return item;
	}

	/** Where a document stands with the DMP: its queue rows, newest first. */
	@GetMapping("/documents/{documentId}")
	public List<OutboxItem> document(@PathVariable String documentId, HttpServletRequest request) {
		AccessPrincipal principal = reader(request);
		List<OutboxItem> items = outbox.ofDocument(documentId);
		audit(principal, request, false, items.stream().map(OutboxItem::patientId).toList());
		return items;
	}

	@PostMapping("/outbox/{id}/release")
	public Map<String, Object> release(@PathVariable long id, HttpServletRequest request) {
		AccessPrincipal principal = admin(request);
		OutboxItem item = outbox.find(id).orElseThrow(() -> notFound("Aucun document " + id + " dans la file DMP"));
		if (item.state() != OutboxState.HELD) {
			throw new ResponseStatusException(HttpStatus.CONFLICT, "Le document " + id + " n'est pas retenu (état "
					+ item.state() + ")");
		}
		audit(principal, request, true, List.of(item.patientId()));
		outbox.releaseHeld(item.patientId());
		wakeUp.run();
		return Map.of("id", id, "state", OutboxState.PENDING.name(),
				"message", "Remis en file ; le consentement et l'identité seront vérifiés à nouveau avant l'envoi.");
	}

	@GetMapping("/dead-letters")
	public List<DeadLetter> deadLetters(@RequestParam(defaultValue = "false") boolean all,
			@RequestParam(defaultValue = "100") int limit, HttpServletRequest request) {
		AccessPrincipal principal = reader(request);
		List<DeadLetter> letters = outbox.deadLetters(all, bounded(limit));
		audit(principal, request, false, letters.stream().map(DeadLetter::patientId).toList());
		return letters.stream().map(DmpAdminController::withoutBundle).toList();
	}

	@GetMapping("/dead-letters/{id}")
	public DeadLetter deadLetter(@PathVariable long id, HttpServletRequest request) {
		AccessPrincipal principal = reader(request);
		DeadLetter letter = outbox.deadLetter(id).orElseThrow(() -> notFound("Aucune lettre morte " + id));
		audit(principal, request, false, List.of(letter.patientId()));
		return letter;
	}

	@PostMapping("/dead-letters/{id}/replay")
	public Map<String, Object> replay(@PathVariable long id, HttpServletRequest request) {
		AccessPrincipal principal = admin(request);
		DeadLetter letter = outbox.deadLetter(id).orElseThrow(() -> notFound("Aucune lettre morte " + id));
		audit(principal, request, true, List.of(letter.patientId()));
		if (!outbox.replay(id, principal.issuer() + "|" + principal.subject())) {
			throw new ResponseStatusException(HttpStatus.CONFLICT, "La lettre morte " + id + " a déjà été rejouée");
		}
		wakeUp.run();
		return Map.of("id", id, "outboxId", letter.outboxId(), "state", OutboxState.PENDING.name(),
				"message", "Rejouée : le document sera validé et renvoyé.");
	}

	private void audit(AccessPrincipal principal, HttpServletRequest request, boolean changesSomething,
			Collection<String> patientIds) {
		String line = request.getMethod() + " " + request.getRequestURI()
				+ (request.getQueryString() == null ? "" : "?" + request.getQueryString());
		auditEvents.store(DmpAuditEvents.administration(
				new Identifier().setSystem(principal.issuer()).setValue(principal.subject()), principal.displayName(),
				line, request.getRemoteAddr(), changesSomething, patientIds, Instant.now()));
	}

	private static AccessPrincipal reader(HttpServletRequest request) {
		AccessPrincipal principal = principal(request);
		if (!principal.has(Role.ADMIN) && !principal.has(Role.AUDITOR)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "La file DMP est réservée aux rôles admin et auditor");
		}
		return principal;
	}

	private static AccessPrincipal admin(HttpServletRequest request) {
		AccessPrincipal principal = principal(request);
		if (!principal.has(Role.ADMIN)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Agir sur la file DMP est réservé au rôle admin");
		}
		return principal;
	}

	private static AccessPrincipal principal(HttpServletRequest request) {
		return RequestPrincipals.ofServletRequest(request)
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Authentification requise"));
	}

	private static OutboxState state(String name) {
		try {
			return OutboxState.valueOf(name.toUpperCase(Locale.ROOT));
		} catch (IllegalArgumentException e) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "state : une valeur parmi "
					+ List.of(OutboxState.values()) + ", pas " + name);
		}
	}

	private static int bounded(int limit) {
		if (limit < 1 || limit > 1000) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "limit : entre 1 et 1000, pas " + limit);
		}
		return limit;
	}

	private static DeadLetter withoutBundle(DeadLetter letter) {
		return new DeadLetter(letter.id(), letter.outboxId(), letter.documentId(), letter.patientId(),
				letter.masterIdentifier(), letter.deadAt(), letter.reason(), letter.httpStatus(), letter.detail(),
				Optional.empty(), letter.replayedAt(), letter.replayedBy());
	}

	private static ResponseStatusException notFound(String message) {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, message);
	}
}
