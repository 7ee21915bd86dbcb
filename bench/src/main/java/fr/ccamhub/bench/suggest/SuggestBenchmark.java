package fr.ccamhub.bench.suggest;

import fr.ccamhub.terminology.ccam.CcamReleaseReader;
import fr.ccamhub.terminology.rules.CcamRuleBookReader;
import fr.ccamhub.terminology.rules.CcamRuleEngine;
import fr.ccamhub.terminology.suggest.CcamSuggester;
import fr.ccamhub.terminology.suggest.SuggestionRequest;
import fr.ccamhub.terminology.suggest.SuggestionResult;
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

/**
 * Latency of one offline suggestion (retrieval, re-ranking, rule checks, explanation) over the
 * notes of the development set, in turn. Run: java -jar bench/target/benchmarks.jar SuggestBenchmark
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SuggestBenchmark {

	private CcamSuggester suggester;
	private List<String> notes;
	private int next;

	@Setup
	public void setUp() {
		CcamRuleEngine engine = CcamRuleEngine.standard(new CcamRuleBookReader().read(new CcamReleaseReader().read("ccam/V81")));
		suggester = CcamSuggester.standard(engine);
		notes = EvaluationCase.load(EvaluationCase.DEV_SET).stream().map(EvaluationCase::text).toList();
	}

	@Benchmark
	public SuggestionResult suggest() {
		String note = notes.get(next);
		next = (next + 1) % notes.size();
		return suggester.suggest(SuggestionRequest.of(note));
	}
}
