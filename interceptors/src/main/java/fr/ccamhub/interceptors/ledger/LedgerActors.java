package fr.ccamhub.interceptors.ledger;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import fr.ccamhub.interceptors.security.AccessPrincipal;
import fr.ccamhub.interceptors.security.RequestPrincipals;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.r4.model.Identifier;

/**
 * Who a ledger entry names as actor: an identifier without spaces, never a free-text name.
 *
 * <ul>
 *   <li>a REST caller: {@code issuer|subject} of its access token;</li>
 *   <li>work done on someone's behalf through internal calls (a coder's review decision, the copilot): the actor the
 *       caller put in the request's user data with {@link #onBehalfOf};</li>
 *   <li>anything else the server does by itself: {@value #SERVER}.</li>
 * </ul>
 */
public final class LedgerActors {

	/** Request user-data key holding the actor of internal calls made on someone's behalf. */
	public static final String USER_DATA_KEY = LedgerActors.class.getName() + ".actor";
	public static final String SERVER = "system|ccamhub";

	private LedgerActors() {}

	public static String actorOf(RequestDetails request) {
		if (request != null && request.getUserData().get(USER_DATA_KEY) instanceof String actor) {
			return actor;
		}
		return RequestPrincipals.of(request).map(LedgerActors::of).orElse(SERVER);
	}

	/** Internal request details whose writes the ledger attributes to this actor. */
	public static SystemRequestDetails onBehalfOf(String actor) {
		SystemRequestDetails request = new SystemRequestDetails();
		request.getUserData().put(USER_DATA_KEY, actor);
		return request;
	}

	public static String of(AccessPrincipal principal) {
		return of(principal.issuer(), principal.subject());
	}

	/** {@code system|value} of an identifier, as an actor. */
	public static String of(Identifier identifier) {
		return of(identifier.getSystem(), identifier.getValue());
	}

	private static String of(String system, String value) {
		return printable(system == null ? "" : system) + "|" + printable(value == null ? "unknown" : value);
	}

	/** Percent-encodes what is not printable ASCII (spaces, accents), so the actor stays one token. */
	private static String printable(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			if (c > 0x20 && c < 0x7F && c != '%') {
				out.append(c);
			} else {
				out.append(URLEncoder.encode(String.valueOf(c), StandardCharsets.UTF_8).replace("+", "%20"));
			}
		}
		return out.toString();
	}
}
