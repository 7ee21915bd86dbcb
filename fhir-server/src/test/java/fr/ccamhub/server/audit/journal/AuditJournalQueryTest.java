package fr.ccamhub.server.audit.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AuditJournalQueryTest {

	@Test
	void parametersAreAndedAndTheirValuesOredThroughBoundArrays() {
		AuditJournalQuery query = new AuditJournalQuery()
				.anyOf(AuditJournalQuery.ArrayColumn.PATIENT, List.of("Patient/1", "Patient/2"))
				.oneOf(AuditJournalQuery.ScalarColumn.ACTION, List.of("R"));

		assertThat(query.where()).isEqualTo(" WHERE patient_refs && ?::text[] AND action = ANY (?::text[])");
		assertThat(query.parameters()).hasSize(2);
		assertThat((String[]) query.parameters().get(0)).containsExactly("Patient/1", "Patient/2");
	}

	@Test
	void entityNamePrefixesAreEscapedForLike() {
		AuditJournalQuery query = new AuditJournalQuery().entityNameStartsWith(List.of("GET 100%_"));

		assertThat(query.parameters()).containsExactly("get 100\\%\\_%");
	}

	@Test
	void oldestFirstUnlessNewestFirstIsAsked() {
		assertThat(new AuditJournalQuery().orderBy()).isEqualTo(" ORDER BY recorded, seq");
		assertThat(new AuditJournalQuery().newestFirst(true).orderBy()).isEqualTo(" ORDER BY recorded DESC, seq DESC");
	}
}
