package fr.ccamhub.interceptors.terminology;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;

/**
 * HAPI refuses an in-memory {@code $expand} that matches more concepts than the requested
 * {@code count} (HAPI-0831) or than the server maximum (HAPI-0832), and reports it as a 500.
 * It is the client's request that is too broad, so this answers 400 and says how to narrow it.
 *
 * <p>Filtered expansions of ValueSets made of whole code systems are ranked and paged by the
 * server's terminology search and never get here; this covers the ValueSets HAPI still expands
 * whole (enumerated codes, included ValueSets, excludes).
 */
@Interceptor
public class ExpansionTooLargeInterceptor {

	private static final String TOO_MANY_FOR_COUNT = "HAPI-0831";
	private static final String TOO_MANY_FOR_SERVER = "HAPI-0832";

	@Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
	public BaseServerResponseException blameTheRequest(RequestDetails request, Throwable exception) {
		String message = exception.getMessage();
		if (message == null || !"$expand".equals(request.getOperation())) {
			return null;
		}
		if (message.contains(TOO_MANY_FOR_COUNT)) {
			return new InvalidRequestException("More concepts match than the requested count: narrow the filter or "
					+ "raise count. This ValueSet is expanded whole and cannot be paged with a filter. (" + TOO_MANY_FOR_COUNT + ")");
		}
		if (message.contains(TOO_MANY_FOR_SERVER)) {
			return new InvalidRequestException("The expansion is larger than this server returns at once: add a "
					+ "filter to narrow it. (" + TOO_MANY_FOR_SERVER + ")");
		}
		return null;
	}
}
