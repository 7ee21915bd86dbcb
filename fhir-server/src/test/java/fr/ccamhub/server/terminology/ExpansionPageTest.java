package fr.ccamhub.server.terminology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import org.junit.jupiter.api.Test;

class ExpansionPageTest {

	private static final TerminologySearchProperties LIMITS = new TerminologySearchProperties(true, 100, 500);

	@Test
	void noPagingGivesTheFirstDefaultPage() {
		assertThat(ExpansionPage.requested(null, null, LIMITS)).isEqualTo(new ExpansionPage(0, 100));
	}

	@Test
	void aCountAboveTheMaximumIsCutToIt() {
		assertThat(ExpansionPage.requested(20, 10_000, LIMITS)).isEqualTo(new ExpansionPage(20, 500));
	}

	@Test
	void countZeroAsksForTheTotalOnly() {
		assertThat(ExpansionPage.requested(0, 0, LIMITS).count()).isZero();
	}

	@Test
	void negativeOffsetOrCountIsTheClientsMistake() {
		assertThatThrownBy(() -> ExpansionPage.requested(-1, 10, LIMITS)).isInstanceOf(InvalidRequestException.class);
		assertThatThrownBy(() -> ExpansionPage.requested(0, -5, LIMITS)).isInstanceOf(InvalidRequestException.class);
	}

	@Test
	void limitsMustBeConsistent() {
		assertThatThrownBy(() -> new TerminologySearchProperties(true, 600, 500)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new TerminologySearchProperties(true, 0, 0)).isInstanceOf(IllegalArgumentException.class);
	}
}
