package fr.ccamhub.interceptors.terminology;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import org.junit.jupiter.api.Test;

class ExpansionTooLargeInterceptorTest {

	private final ExpansionTooLargeInterceptor interceptor = new ExpansionTooLargeInterceptor();

	@Test
	void answers400WhenTheFilterMatchesMoreThanCount() {
		SystemRequestDetails request = new SystemRequestDetails();
		request.setOperation("$expand");
		InternalErrorException hapi = new InternalErrorException(
				"HAPI-0831: Expansion of ValueSet produced too many codes (maximum 3) - Operation aborted!");

		var rewritten = interceptor.blameTheRequest(request, hapi);

		assertThat(rewritten.getStatusCode()).isEqualTo(400);
		assertThat(rewritten.getMessage()).contains("narrow the filter or raise count");
	}

	@Test
	void leavesOtherFailuresAlone() {
		SystemRequestDetails request = new SystemRequestDetails();
		request.setOperation("$expand");
		assertThat(interceptor.blameTheRequest(request, new InternalErrorException("disk full"))).isNull();
		request.setOperation("$lookup");
		assertThat(interceptor.blameTheRequest(request, new InternalErrorException("HAPI-0831: too many"))).isNull();
	}
}
