package fr.ccamhub.hl7.quarantine;

import fr.ccamhub.hl7.ingest.Hl7Ingestion;
import fr.ccamhub.hl7.ingest.Hl7Receipt;
import fr.ccamhub.interceptors.security.AccessPrincipal;
import fr.ccamhub.interceptors.security.RequestPrincipals;
import fr.ccamhub.interceptors.security.Role;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The quarantine of refused HL7 messages, for interface administrators: list them with their
 * reason, read one, and replay it once the cause is fixed (a replay that is accepted marks the
 * entry REPLAYED and stores the message like a fresh delivery).
 */
@RestController
@RequestMapping("/hl7/v1/quarantine")
public class QuarantineController {

	private final JdbcTemplate jdbc;
	private final Hl7Ingestion ingestion;

	public QuarantineController(JdbcTemplate jdbc, Hl7Ingestion ingestion) {
		this.jdbc = jdbc;
		this.ingestion = ingestion;
	}

	@GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	public List<Map<String, Object>> list(@RequestParam(defaultValue = "QUARANTINED") String status, HttpServletRequest request) {
		requireAdmin(request);
		return jdbc.queryForList("""
				SELECT id, received_at, remote_address, sending_application, sending_facility, control_id, ack_code,
				       error_location, reason, status, replayed_at
				FROM ccamhub_hl7_quarantine WHERE status = ? ORDER BY id""", status);
	}

	@GetMapping(path = "/{id}/message", produces = "x-application/hl7-v2+er7")
	public String message(@PathVariable long id, HttpServletRequest request) {
		requireAdmin(request);
		return new String(raw(id), StandardCharsets.UTF_8);
	}

	@PostMapping(path = "/{id}/replay", produces = MediaType.APPLICATION_JSON_VALUE)
	public Map<String, Object> replay(@PathVariable long id, HttpServletRequest request) {
		requireAdmin(request);
		Hl7Receipt receipt = ingestion.receive(raw(id), "replay:" + request.getRemoteAddr(), false);
		if (receipt.accepted()) {
			jdbc.update("UPDATE ccamhub_hl7_quarantine SET status = 'REPLAYED', replayed_at = ?, replay_ack = ? WHERE id = ?",
					Timestamp.from(Instant.now()), receipt.ack(), id);
		}
		Map<String, Object> outcome = new java.util.LinkedHashMap<>();
		outcome.put("code", receipt.code());
		outcome.put("controlId", receipt.controlId());
		outcome.put("reason", receipt.reason());
		outcome.put("errorLocation", receipt.errorLocation());
		outcome.put("ack", receipt.ack());
		return outcome;
	}

	private byte[] raw(long id) {
		List<byte[]> messages = jdbc.queryForList("SELECT message FROM ccamhub_hl7_quarantine WHERE id = ?", byte[].class, id);
		if (messages.isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No quarantined message " + id);
		}
		return messages.get(0);
	}

	private static void requireAdmin(HttpServletRequest request) {
		AccessPrincipal principal = RequestPrincipals.ofServletRequest(request)
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Authentication required"));
		if (!principal.has(Role.ADMIN)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "The HL7 quarantine is for the admin role");
		}
	}
}
