package fr.ccamhub.server.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ccamhub.interceptors.security.AccessPrincipal;
import fr.ccamhub.interceptors.security.RequestPrincipals;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class CallerHandshakeInterceptorTest {

	private final CallerHandshakeInterceptor interceptor = new CallerHandshakeInterceptor();

	@Test
	void keepsTheCallerTheSecurityFilterAttached() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/websocket");
		RequestPrincipals.attach(request, AccessPrincipal.localDeveloper());
		Map<String, Object> attributes = new HashMap<>();

		boolean accepted = interceptor.beforeHandshake(new ServletServerHttpRequest(request),
				new ServletServerHttpResponse(new MockHttpServletResponse()), null, attributes);

		assertThat(accepted).isTrue();
		assertThat(CallerHandshakeInterceptor.principal(attributes)).contains(AccessPrincipal.localDeveloper());
	}

	@Test
	void refusesAnUpgradeWithoutCallerWith401() {
		MockHttpServletResponse response = new MockHttpServletResponse();
		Map<String, Object> attributes = new HashMap<>();

		boolean accepted = interceptor.beforeHandshake(new ServletServerHttpRequest(new MockHttpServletRequest("GET", "/websocket")),
				new ServletServerHttpResponse(response), null, attributes);

		assertThat(accepted).isFalse();
		assertThat(attributes).isEmpty();
		assertThat(response.getStatus()).isEqualTo(401);
	}
}
