package fr.ccamhub.dmp.validation;

import fr.ccamhub.dmp.bundle.PdsmBundleBuilder;
import fr.ccamhub.dmp.bundle.PdsmProfiles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;

/**
 * What an ITI-65 Bundle must satisfy that the PDSm profiles do not express: it declares the provide-bundle profile,
 * and every DocumentReference's attachment points to a Binary of the Bundle whose size and SHA-1 it gives.
 */
final class ProvideBundleChecks {

	private ProvideBundleChecks() {}

	static List<String> problems(Bundle bundle) {
		List<String> problems = new ArrayList<>();
		if (!bundle.getMeta().hasProfile(PdsmProfiles.PROVIDE_BUNDLE)) {
			problems.add("Bundle.meta.profile : " + PdsmProfiles.PROVIDE_BUNDLE + " est exigé (IHE MHD)");
		}
		for (int i = 0; i < bundle.getEntry().size(); i++) {
			if (!(bundle.getEntry().get(i).getResource() instanceof DocumentReference document)) {
				continue;
			}
			for (int c = 0; c < document.getContent().size(); c++) {
				Attachment attachment = document.getContent().get(c).getAttachment();
				String path = "Bundle.entry[" + i + "].resource.content[" + c + "].attachment";
				Optional<Binary> binary = bundle.getEntry().stream()
						.filter(entry -> attachment.getUrl() != null && attachment.getUrl().equals(entry.getFullUrl()))
						.map(Bundle.BundleEntryComponent::getResource).filter(Binary.class::isInstance)
						.map(Binary.class::cast).findFirst();
				if (binary.isEmpty()) {
					problems.add(path + ".url : " + attachment.getUrl() + " ne désigne aucun Binary du Bundle");
					continue;
				}
				byte[] data = binary.get().getData() == null ? new byte[0] : binary.get().getData();
				if (!attachment.hasSize() || attachment.getSize() != data.length) {
					problems.add(path + ".size : " + attachment.getSize() + " au lieu de " + data.length + " octets");
				}
				if (!attachment.hasHash() || !Arrays.equals(attachment.getHash(), PdsmBundleBuilder.sha1(data))) {
					problems.add(path + ".hash : ce n'est pas le SHA-1 du Binary");
				}
			}
		}
		return problems;
	}
}
