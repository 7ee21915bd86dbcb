package fr.ccamhub.server.security.smart;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Serves {@code /.well-known/smart-configuration} at the root and under the FHIR base, public as SMART
 * requires. When the issuer cannot be reached the answer is a 503 that says so, never a stale guess.
 */
public final class SmartConfigurationFilter extends OncePerRequestFilter {

	static final String WELL_KNOWN = "/.well-known/smart-configuration";

	private final Set<String> paths;
	private final Supplier<Map<String, Object>> document;
	private final ObjectMapper json = new ObjectMapper();

	public SmartConfigurationFilter(String fhirPath, Supplier<Map<String, Object>> document) {
		String base = fhirPath.endsWith("/") ? fhirPath.substring(0, fhirPath.length() - 1) : fhirPath;
		this.paths = Set.of(WELL_KNOWN, base + WELL_KNOWN);
		this.document = document;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !paths.contains(request.getRequestURI().substring(request.getContextPath().length()));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
			response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
			return;
		}
		Map<String, Object> body;
		try {
			body = document.get();
		} catch (UncheckedIOException e) {
			response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
			response.setContentType("application/json");
			json.writeValue(response.getOutputStream(), Map.of("error", "issuer_unavailable", "error_description", e.getMessage()));
			return;
		}
		response.setStatus(HttpServletResponse.SC_OK);
		response.setContentType("application/json");
		response.setHeader("Cache-Control", "public, max-age=300");
		response.setHeader("Access-Control-Allow-Origin", "*");
		json.writeValue(response.getOutputStream(), body);
	}
}
