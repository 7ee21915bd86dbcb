package fr.ccamhub.interceptors.consent;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import fr.ccamhub.interceptors.security.AccessPrincipal;
import fr.ccamhub.interceptors.security.Role;
import java.util.Optional;

/**
 * Emergency access to a restricted record: a clinician asserts it with the {@value #HEADER}
 * header carrying the reason (or a token whose purpose of use is {@code BTG}). It is allowed and
 * every access made under it is flagged in the audit trail.
 */
public final class BreakTheGlass {

	/** Request header holding the clinician's justification. */
	public static final String HEADER = "X-Break-Glass";

	/** HL7 v3 ActReason code for break-the-glass. */
	public static final String PURPOSE_CODE = "BTG";

	public static final String PURPOSE_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-ActReason";

	/** Request user-data key set when break-the-glass actually opened a restricted record. */
	public static final String USED = BreakTheGlass.class.getName() + ".used";

	private BreakTheGlass() {}

	/** The justification when this request asserts break-the-glass and the caller may use it. */
	public static Optional<String> asserted(RequestDetails request, AccessPrincipal principal) {
		if (!principal.has(Role.CLINICIAN)) {
			return Optional.empty();
		}
		String header = request.getHeader(HEADER);
		if (header != null && !header.isBlank()) {
			return Optional.of(header.trim());
		}
		return principal.purposesOfUse().contains(PURPOSE_CODE)
				? Optional.of("purpose of use BTG asserted by the access token")
				: Optional.empty();
	}

	public static boolean wasUsed(RequestDetails request) {
		return Boolean.TRUE.equals(request.getUserData().get(USED));
	}
}
