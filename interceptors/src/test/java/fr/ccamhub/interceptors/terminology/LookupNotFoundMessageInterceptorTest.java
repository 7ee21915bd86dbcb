package fr.ccamhub.interceptors.terminology;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.Map;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.UriType;
import org.junit.jupiter.api.Test;

class LookupNotFoundMessageInterceptorTest {

	private static final String CCAM = "https://smt.esante.gouv.fr/terminologie-ccam";
	private static final ResourceNotFoundException HAPI_NOT_FOUND =
			new ResourceNotFoundException("HAPI-1738: Unable to find code[null] in system[null]");

	private final LookupNotFoundMessageInterceptor interceptor = new LookupNotFoundMessageInterceptor();

	@Test
	void namesCodeAndSystemFromTheQueryString() {
		SystemRequestDetails request = lookup();
		request.setParameters(Map.of("system", new String[] {CCAM}, "code", new String[] {"HHFA999"}));

		BaseServerResponseException rewritten = interceptor.nameTheMissingCode(request, HAPI_NOT_FOUND);

		assertThat(rewritten).isInstanceOf(ResourceNotFoundException.class);
		assertThat(rewritten.getStatusCode()).isEqualTo(404);
		assertThat(rewritten.getMessage()).isEqualTo("Code 'HHFA999' not found in CodeSystem " + CCAM + " (HAPI-1738)");
	}

	@Test
	void namesTheCodingOfAPostedParametersBody() {
		SystemRequestDetails request = lookup();
		Parameters body = new Parameters();
		body.addParameter().setName("coding").setValue(new Coding(CCAM, "ZZZZ000", null).setVersion("V81"));
		request.setResource(body);

		assertThat(interceptor.nameTheMissingCode(request, HAPI_NOT_FOUND).getMessage())
				.isEqualTo("Code 'ZZZZ000' not found in CodeSystem " + CCAM + " version V81 (HAPI-1738)");
	}

	@Test
	void namesCodeAndSystemOfAPostedParametersBody() {
		SystemRequestDetails request = lookup();
		Parameters body = new Parameters();
		body.addParameter().setName("system").setValue(new UriType(CCAM));
		body.addParameter().setName("code").setValue(new CodeType("HHFA999"));
		request.setResource(body);

		assertThat(interceptor.nameTheMissingCode(request, HAPI_NOT_FOUND).getMessage()).contains("'HHFA999'", CCAM);
	}

	@Test
	void leavesOtherErrorsAlone() {
		SystemRequestDetails request = lookup();
		request.setParameters(Map.of("code", new String[] {"HHFA999"}));
		assertThat(interceptor.nameTheMissingCode(request, new InvalidRequestException("bad"))).isNull();
		assertThat(interceptor.nameTheMissingCode(request, new ResourceNotFoundException("Patient/1 is not known"))).isNull();

		SystemRequestDetails read = new SystemRequestDetails();
		read.setParameters(Map.of("code", new String[] {"HHFA999"}));
		assertThat(interceptor.nameTheMissingCode(read, HAPI_NOT_FOUND)).isNull();
	}

	private static SystemRequestDetails lookup() {
		SystemRequestDetails request = new SystemRequestDetails();
		request.setOperation("$lookup");
		return request;
	}
}
