package fr.ccamhub.interceptors.terminology;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.Optional;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Type;

/**
 * HAPI's JPA {@code $lookup} answers an unknown code with "Unable to find code[null] in
 * system[null]": the 404 is right but the message names nothing. This rewrites it to name the
 * code, system and version the client asked for, read from the query string or the Parameters body.
 */
@Interceptor
public class LookupNotFoundMessageInterceptor {

	private static final String LOOKUP = "$lookup";
	private static final String HAPI_CODE_NOT_FOUND = "HAPI-1738";

	@Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
	public BaseServerResponseException nameTheMissingCode(RequestDetails request, Throwable exception) {
		if (!(exception instanceof ResourceNotFoundException)
				|| !LOOKUP.equals(request.getOperation())
				|| exception.getMessage() == null
				|| !exception.getMessage().contains(HAPI_CODE_NOT_FOUND)) {
			return null;
		}
		Optional<Coding> coding = requestedCoding(request);
		if (coding.isEmpty() || !coding.get().hasCode()) {
			return null;
		}
		Coding asked = coding.get();
		String message = "Code '" + asked.getCode() + "' not found in CodeSystem "
				+ (asked.hasSystem() ? asked.getSystem() : "(no system given)")
				+ (asked.hasVersion() ? " version " + asked.getVersion() : "")
				+ " (" + HAPI_CODE_NOT_FOUND + ")";
		return new ResourceNotFoundException(message);
	}

	static Optional<Coding> requestedCoding(RequestDetails request) {
		if (request.getResource() instanceof Parameters parameters) {
			Optional<Coding> coding = Optional.ofNullable(parameters.getParameter("coding"))
					.map(p -> p.getValue())
					.filter(Coding.class::isInstance)
					.map(Coding.class::cast);
			if (coding.isPresent()) {
				return coding;
			}
			return Optional.of(new Coding()
					.setCode(primitive(parameters, "code"))
					.setSystem(primitive(parameters, "system"))
					.setVersion(primitive(parameters, "version")));
		}
		String code = query(request, "code");
		if (code == null && query(request, "coding") != null) {
			String[] systemAndCode = query(request, "coding").split("\\|", 2);
			return Optional.of(systemAndCode.length == 2
					? new Coding().setSystem(systemAndCode[0]).setCode(systemAndCode[1])
					: new Coding().setCode(systemAndCode[0]));
		}
		return Optional.of(new Coding()
				.setCode(code)
				.setSystem(query(request, "system"))
				.setVersion(query(request, "version")));
	}

	private static String primitive(Parameters parameters, String name) {
		Parameters.ParametersParameterComponent parameter = parameters.getParameter(name);
		if (parameter == null) {
			return null;
		}
		Type value = parameter.getValue();
		return value == null ? null : value.primitiveValue();
	}

	private static String query(RequestDetails request, String name) {
		String[] values = request.getParameters() == null ? null : request.getParameters().get(name);
		return values == null || values.length == 0 ? null : values[0];
	}
}
