package fr.ccamhub.bench.dmp;

import ca.uhn.fhir.context.FhirContext;
import fr.ccamhub.dmp.bundle.PdsmBundleBuilder;
import fr.ccamhub.dmp.bundle.SampleDocuments;
import fr.ccamhub.dmp.bundle.ValidationReport;
import fr.ccamhub.dmp.validation.PdsmValidator;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import org.hl7.fhir.r4.model.Bundle;

/**
 * What validating ITI-65 Bundles costs: the heap the loaded PDSm validator keeps (used heap after GC, with the FHIR
 * model already loaded, before and after), its load time, the first validation, and the time per Bundle after a
 * warm-up. Usage: PdsmValidationCost [validations=200]
 */
public final class PdsmValidationCost {

	private PdsmValidationCost() {}

	public static void main(String[] args) {
		int validations = args.length > 0 ? Integer.parseInt(args[0]) : 200;
		FhirContext fhir = FhirContext.forR4Cached();
		Bundle bundle = new PdsmBundleBuilder(SampleDocuments.settings(), Clock.systemUTC())
				.build(SampleDocuments.document(), "urn:oid:1.2.250.1.999.1.1.7.3.1", 1).bundle();
		fhir.newJsonParser().encodeResourceToString(bundle);
		long before = usedAfterGc();
		long start = System.nanoTime();
		PdsmValidator validator = new PdsmValidator(fhir);
		double loadMs = (System.nanoTime() - start) / 1e6;
		start = System.nanoTime();
		ValidationReport first = validator.validate(bundle);
		double firstMs = (System.nanoTime() - start) / 1e6;
		if (!first.valid()) {
			throw new IllegalStateException("the sample Bundle does not validate: " + first.errors());
		}
		for (int i = 0; i < 50; i++) {
			validator.validate(bundle);
		}
		double[] times = new double[validations];
		for (int i = 0; i < validations; i++) {
			long t = System.nanoTime();
			validator.validate(bundle);
			times[i] = (System.nanoTime() - t) / 1e6;
		}
		long after = usedAfterGc();
		Arrays.sort(times);
		System.out.printf(Locale.ROOT, "result pdsm-validation load_ms=%.0f first_ms=%.0f p50_ms=%.1f p95_ms=%.1f"
				+ " validations=%d heap_retained_mb=%.0f%n", loadMs, firstMs, times[validations / 2],
				times[(int) (validations * 0.95)], validations, (after - before) / 1048576.0);
		if (validator.hashCode() == 0) {
			System.out.println();
		}
	}

	private static long usedAfterGc() {
		Runtime runtime = Runtime.getRuntime();
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return runtime.totalMemory() - runtime.freeMemory();
	}
}
