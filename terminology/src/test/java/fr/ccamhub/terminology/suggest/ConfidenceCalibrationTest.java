package fr.ccamhub.terminology.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfidenceCalibrationTest {

	@Test
	void fittedConfidenceIsMonotoneAndAConservativeShareOfRightAnswers() {
		List<ConfidenceCalibration.Observation> observations = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			double raw = i / 100.0;
			// right 20 % of the time below 0.5, 95 % above
			boolean right = raw < 0.5 ? i % 5 == 0 : i % 20 != 0;
			observations.add(new ConfidenceCalibration.Observation(raw, right));
		}
		ConfidenceCalibration calibration = ConfidenceCalibration.fit(observations);
		int previous = 0;
		for (int i = 0; i <= 100; i++) {
			int confidence = calibration.confidence(i / 100.0);
			assertThat(confidence).isGreaterThanOrEqualTo(previous);
			previous = confidence;
		}
		// the lower bound of what was observed: never above the share right, not far below it with 50 notes
		assertThat(calibration.confidence(0.1)).isBetween(10, 20);
		assertThat(calibration.confidence(0.9)).isBetween(85, 95);
	}

	@Test
	void theShippedTableIsReadAndKeepsConfidenceWithinZeroToHundred() {
		ConfidenceCalibration shipped = ConfidenceCalibration.load();
		assertThat(shipped.steps()).isNotEmpty();
		assertThat(shipped.confidence(0)).isBetween(0, 100);
		assertThat(shipped.confidence(1)).isBetween(0, 100);
	}
}
