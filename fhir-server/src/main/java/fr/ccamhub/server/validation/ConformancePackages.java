package fr.ccamhub.server.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.hl7.fhir.common.hapi.validation.support.NpmPackageValidationSupport;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The conformance resources the validator knows beside FHIR R4 itself: the NPM packages shipped on
 * the classpath (FR Core, ANS TDE, ...) and the ccamhub IG ({@code classpath:ig/*.json}), read
 * once into memory. Nothing is fetched from the network.
 */
public final class ConformancePackages {

	private final NpmPackageValidationSupport support;
	private final List<String> packages;
	private final int igResources;
	private final Duration loadTime;

	private ConformancePackages(NpmPackageValidationSupport support, List<String> packages, int igResources, Duration loadTime) {
		this.support = support;
		this.packages = packages;
		this.igResources = igResources;
		this.loadTime = loadTime;
	}

	/** Reads the packages (classpath locations of {@code .tgz} files, in order) and the IG resources. */
	public static ConformancePackages load(FhirContext fhirContext, List<String> packages) {
		long start = System.nanoTime();
		NpmPackageValidationSupport support = new NpmPackageValidationSupport(fhirContext);
		for (String location : packages) {
			try {
				support.loadPackageFromClasspath(location);
			} catch (IOException e) {
				throw new UncheckedIOException("Cannot read FHIR package " + location, e);
			}
		}
		int igResources = addIgResources(fhirContext, support);
		support.lock();
		return new ConformancePackages(support, List.copyOf(packages), igResources, Duration.ofNanos(System.nanoTime() - start));
	}

	/** Starts {@link #load} on a thread of its own, so that start-up goes on meanwhile. */
	public static CompletableFuture<ConformancePackages> loadInBackground(FhirContext fhirContext, List<String> packages) {
		return CompletableFuture.supplyAsync(() -> load(fhirContext, packages), task -> {
			Thread thread = new Thread(task, "validation-packages");
			thread.setDaemon(true);
			thread.start();
		});
	}

	private static int addIgResources(FhirContext fhirContext, NpmPackageValidationSupport support) {
		IParser parser = fhirContext.newJsonParser().setParserErrorHandler(new LenientErrorHandler(false));
		try {
			Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:ig/*.json");
			for (Resource file : files) {
				try (InputStream in = file.getInputStream()) {
					support.addResource(parser.parseResource(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
				}
			}
			return files.length;
		} catch (IOException e) {
			throw new UncheckedIOException("Cannot read the ccamhub IG resources", e);
		}
	}

	/** The loaded resources, for a validation support chain. */
	public IValidationSupport support() {
		return support;
	}

	public List<String> packages() {
		return packages;
	}

	/** Conformance resources held (packages and IG). */
	public int resourceCount() {
		return support.countAll();
	}

	public int igResourceCount() {
		return igResources;
	}

	public Duration loadTime() {
		return loadTime;
	}
}
