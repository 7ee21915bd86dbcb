package fr.ccamhub.bench.ccam;

import fr.ccamhub.terminology.ccam.CcamReleaseReader;
import fr.ccamhub.terminology.pricing.CcamPricer;
import fr.ccamhub.terminology.pricing.EncounterPrice;
import fr.ccamhub.terminology.pricing.PricingPolicy;
import fr.ccamhub.terminology.rules.BilledAct;
import fr.ccamhub.terminology.rules.CcamRuleBookReader;
import fr.ccamhub.terminology.rules.CcamRuleEngine;
import fr.ccamhub.terminology.rules.EncounterActs;
import fr.ccamhub.terminology.rules.Finding;
import fr.ccamhub.terminology.rules.PatientFacts;
import fr.ccamhub.terminology.rules.Performer;
import fr.ccamhub.terminology.rules.PractitionerCategory;
import fr.ccamhub.terminology.rules.RuleInput;
import fr.ccamhub.terminology.rules.TariffSector;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Latency of what {@code $ccam-check} and {@code $ccam-price} do in-process for one 10-act
 * encounter on the real V81 release: resolve the acts once, run every rule, price every line.
 * {@code SampleTime} gives the p50/p99/p99.9 the target (p99 &lt; 1 ms) is stated in.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.SampleTime, Mode.AverageTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class CcamCheckAndPriceBenchmark {

	private CcamRuleEngine engine;
	private CcamPricer pricer;
	private EncounterActs encounter;

	/** Reading the release and its rule book (1-2 s) is start-up cost, not per-request cost. */
	@Setup
	public void readReleaseAndRuleBook() {
		engine = CcamRuleEngine.standard(new CcamRuleBookReader().read(new CcamReleaseReader().read("ccam/V81")));
		pricer = new CcamPricer(PricingPolicy.DEFAULT);
		encounter = tenActEncounter();
	}

	@Benchmark
	public void checkAndPrice(Blackhole blackhole) {
		RuleInput input = engine.input(encounter);
		List<Finding> findings = engine.check(input);
		EncounterPrice price = pricer.price(input);
		blackhole.consume(findings);
		blackhole.consume(price);
	}

	/**
	 * A night emergency: appendicectomy and femur osteosynthesis with a wound suture by one surgeon,
	 * the anaesthetist's lines (with the intubation gesture), two radiographs by a radiologist, an ECG
	 * with its supplement by a GP and an intensive-care package: four practitioners, so four
	 * association groups, with urgency, surgical and radiology modifiers.
	 */
	public static EncounterActs tenActEncounter() {
		LocalDate day = LocalDate.of(2026, 3, 12);
		Performer surgeon = new Performer("10000000001", PractitionerCategory.SURGEON, TariffSector.SECTOR_1_OR_OPTAM);
		Performer anaesthetist = new Performer("10000000002", PractitionerCategory.ANAESTHETIST, TariffSector.SECTOR_1_OR_OPTAM);
		Performer radiologist = new Performer("10000000003", PractitionerCategory.RADIOLOGIST, TariffSector.SECTOR_1_OR_OPTAM);
		Performer gp = new Performer("10000000004", PractitionerCategory.GENERAL_PRACTITIONER, TariffSector.SECTOR_1_OR_OPTAM);
		Performer intensivist = new Performer("10000000005", PractitionerCategory.OTHER_PHYSICIAN, TariffSector.OUTSIDE_SECTOR_1_OR_OPTAM);
		return new EncounterActs(List.of(
				new BilledAct("HHFA016", 1, 0, List.of("U", "J", "K"), null, day, surgeon),
				new BilledAct("HHFA016", 4, 0, List.of("7"), null, day, anaesthetist),
				new BilledAct("GELE001", 4, 0, List.of(), null, day, anaesthetist),
				new BilledAct("NBCA007", 1, 0, List.of("J", "K"), null, day, surgeon),
				new BilledAct("QZJA017", 1, 0, List.of(), null, day, surgeon),
				new BilledAct("ZBQK002", 1, 0, List.of("Y"), null, day, radiologist),
				new BilledAct("ZCQK002", 1, 0, List.of("Y"), null, day, radiologist),
				new BilledAct("DEQP003", 1, 0, List.of(), null, day, gp),
				new BilledAct("YYYY490", 1, 0, List.of(), null, day, gp),
				new BilledAct("YYYY015", 1, 0, List.of(), null, day, intensivist)),
				new PatientFacts(PatientFacts.Sex.MALE, LocalDate.of(1984, 7, 21), false));
	}
}
