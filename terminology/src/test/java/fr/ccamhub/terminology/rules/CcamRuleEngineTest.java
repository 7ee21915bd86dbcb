package fr.ccamhub.terminology.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * Table-driven checks of every rule against the real CCAM V81 data: each row of
 * {@code rules/rule-cases.csv} names the case, the acts, the patient, the expected finding (or its
 * absence) and the data it relies on.
 */
class CcamRuleEngineTest {

	@ParameterizedTest(name = "{0}")
	@CsvFileSource(resources = "/rules/rule-cases.csv", delimiter = '|', maxCharsPerColumn = 2000)
	void appliesRule(String name, String acts, String patient, String expectation, String data) {
		List<Finding> findings = TestCcam.ENGINE.check(TestCcam.encounter(acts, patient));
		String context = name + " (" + data + ") → " + findings;
		if (expectation.equals("clean")) {
			assertThat(findings).as(context).noneMatch(f -> f.severity() == Severity.ERROR);
			return;
		}
		if (expectation.startsWith("-")) {
			String rule = expectation.substring(1);
			assertThat(findings).as(context).noneMatch(f -> f.ruleId().equals(rule));
			return;
		}
		String[] parts = expectation.split(" ");
		String rule = parts[0];
		Severity severity = Severity.valueOf(parts[1]);
		List<Integer> acts0 = Arrays.stream(parts[2].split(",")).map(Integer::valueOf).toList();
		for (int act : acts0) {
			assertThat(findings).as(context)
					.anyMatch(f -> f.ruleId().equals(rule) && f.severity() == severity && f.acts().contains(act));
		}
	}
}
