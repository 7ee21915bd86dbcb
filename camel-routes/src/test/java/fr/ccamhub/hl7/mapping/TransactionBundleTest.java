package fr.ccamhub.hl7.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

class TransactionBundleTest {

	@Test
	void matchesOnTheIdentifierWithFhirEscaping() {
		TransactionBundle transaction = new TransactionBundle();
		transaction.upsert(new Patient(), new Identifier().setSystem("urn:oid:1.2.3").setValue("A,1|b$c"));
		transaction.createIfAbsent(new Patient(), new Identifier().setSystem("urn:oid:1.2.3").setValue("X"));

		String url = URLDecoder.decode(transaction.bundle().getEntryFirstRep().getRequest().getUrl(), StandardCharsets.UTF_8);
		String ifNoneExist = transaction.bundle().getEntry().get(1).getRequest().getIfNoneExist();

		assertThat(url).isEqualTo("Patient?identifier=urn:oid:1.2.3|A\\,1\\|b\\$c");
		assertThat(ifNoneExist).isEqualTo("identifier=urn%3Aoid%3A1.2.3|X");
	}
}
