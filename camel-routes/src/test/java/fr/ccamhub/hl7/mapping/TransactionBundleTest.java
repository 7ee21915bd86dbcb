package fr.ccamhub.hl7.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

class TransactionBundleTest {

	@Test
	void matchesOnAnyOfTheIdentifiersWithFhirEscaping() {
		TransactionBundle transaction = new TransactionBundle();
		transaction.upsert(new Patient(), List.of(
				new Identifier().setSystem("urn:oid:1.2.3").setValue("A,1|b"),
				new Identifier().setSystem("urn:oid:1.2.250.1.213.1.4.8").setValue("279035121518989")));

		String url = URLDecoder.decode(transaction.bundle().getEntryFirstRep().getRequest().getUrl(), StandardCharsets.UTF_8);

		assertThat(url).isEqualTo("Patient?identifier=urn:oid:1.2.3|A\\,1\\|b,urn:oid:1.2.250.1.213.1.4.8|279035121518989");
	}
}
