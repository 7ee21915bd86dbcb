package fr.ccamhub.server.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.PayloadTooLargeException;
import io.micrometer.core.instrument.Counter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses FHIR request bodies over the configured size with a 413 OperationOutcome: at once when the
 * client declares a Content-Length, and as soon as the limit is crossed for a chunked body (nothing
 * beyond the limit is read into memory).
 */
public final class RequestSizeLimitFilter extends OncePerRequestFilter {

	private final FhirContext fhirContext;
	private final String binaryPath;
	private final long maxRequestBytes;
	private final long maxBinaryBytes;
	private final Counter refusals;

	public RequestSizeLimitFilter(FhirContext fhirContext, String fhirPath, FhirLimitsProperties limits, Counter refusals) {
		this.fhirContext = fhirContext;
		this.binaryPath = (fhirPath.endsWith("/") ? fhirPath : fhirPath + "/") + "Binary";
		this.maxRequestBytes = limits.maxRequestSize().toBytes();
		this.maxBinaryBytes = limits.maxBinarySize().toBytes();
		this.refusals = refusals;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean binary = request.getRequestURI().startsWith(request.getContextPath() + binaryPath);
		long limit = binary ? maxBinaryBytes : maxRequestBytes;
		String key = binary ? "ccamhub.fhir.limits.max-binary-size" : "ccamhub.fhir.limits.max-request-size";
		long declared = request.getContentLengthLong();
		if (declared > limit) {
			refusals.increment();
			String message = message(declared, limit, key);
			response.setStatus(PayloadTooLargeException.STATUS_CODE);
			response.setContentType("application/fhir+json;charset=UTF-8");
			response.setHeader("Connection", "close");
			response.getOutputStream().write(outcome(message).getBytes(StandardCharsets.UTF_8));
			return;
		}
		chain.doFilter(declared >= 0 ? request : new LimitedRequest(request, limit, key), response);
	}

	private String outcome(String message) {
		OperationOutcome outcome = new OperationOutcome();
		outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(OperationOutcome.IssueType.TOOLONG)
				.setDiagnostics(message);
		return fhirContext.newJsonParser().encodeResourceToString(outcome);
	}

	static String message(long size, long limit, String key) {
		return String.format(Locale.ROOT, "The request body (%s bytes) exceeds the %,d-byte limit of this server (%s)",
				size < 0 ? "more than " + String.format(Locale.ROOT, "%,d", limit) : String.format(Locale.ROOT, "%,d", size), limit, key);
	}

	/** A body of unknown length (chunked) that stops with a 413 once it crosses the limit. */
	private final class LimitedRequest extends HttpServletRequestWrapper {
		private final long limit;
		private final String key;
		private ServletInputStream stream;

		LimitedRequest(HttpServletRequest request, long limit, String key) {
			super(request);
			this.limit = limit;
			this.key = key;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (stream == null) {
				stream = new CountingStream(super.getInputStream(), limit, key);
			}
			return stream;
		}
	}

	private final class CountingStream extends ServletInputStream {
		private final ServletInputStream delegate;
		private final long limit;
		private final String key;
		private long read;

		CountingStream(ServletInputStream delegate, long limit, String key) {
			this.delegate = delegate;
			this.limit = limit;
			this.key = key;
		}

		@Override
		public int read() throws IOException {
			int b = delegate.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = delegate.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) {
			read += n;
			if (read > limit) {
				refusals.increment();
				throw new PayloadTooLargeException(message(-1, limit, key));
			}
		}

		@Override
		public boolean isFinished() {
			return delegate.isFinished();
		}

		@Override
		public boolean isReady() {
			return delegate.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			delegate.setReadListener(listener);
		}
	}
}
