package fr.ccamhub.hl7.mapping;

import ca.uhn.hl7v2.model.Segment;
import java.util.Base64;
import java.util.Locale;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Identifier;

/**
 * An embedded document (OBX of type ED: {@code ^type^subtype^Base64^data}) to a Binary holding
 * the bytes and a DocumentReference pointing at it.
 */
final class DocumentMapper {

	private DocumentMapper() {}

	/** Adds Binary and DocumentReference to the transaction; returns the DocumentReference. */
	static DocumentReference map(SegmentList.Located obx, PatientContext context, Identifier documentId,
			CodeableConcept type, Enumerations.DocumentReferenceStatus status, TransactionBundle transaction) {
		Segment segment = obx.segment();
		String encoding = Fields.get(segment, 5, 0, 4, 1);
		String data = Fields.get(segment, 5, 0, 5, 1);
		if (data.isEmpty()) {
			throw Hl7Rejection.error(Hl7Rejection.REQUIRED_FIELD_MISSING, "OBX", obx.occurrence(), 5, 5,
					"OBX-5.5 (document data) is empty");
		}
		byte[] bytes;
		if ("BASE64".equals(encoding.toUpperCase(Locale.ROOT))) {
			try {
				bytes = Base64.getMimeDecoder().decode(data);
			} catch (IllegalArgumentException e) {
				throw Hl7Rejection.error(Hl7Rejection.DATA_TYPE_ERROR, "OBX", obx.occurrence(), 5, 5,
						"OBX-5.5 is not valid Base64: " + e.getMessage());
			}
		} else {
			bytes = data.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		}
		String contentType = contentType(Fields.get(segment, 5, 0, 2, 1), Fields.get(segment, 5, 0, 3, 1));
		Binary binary = new Binary().setContentType(contentType).setData(bytes);
		binary.setSecurityContext(context.patient);
		String binaryUrl = transaction.create(binary);
		DocumentReference document = new DocumentReference();
		document.setMasterIdentifier(documentId);
		document.addIdentifier(documentId.copy());
		document.setStatus(status);
		document.setType(type);
		document.setSubject(context.patient);
		if (context.encounter != null) {
			document.getContext().addEncounter(context.encounter);
		}
		document.addContent().getAttachment().setContentType(contentType).setUrl(binaryUrl).setSize(bytes.length);
		return document;
	}

	private static String contentType(String type, String subtype) {
		String t = type.toLowerCase(Locale.ROOT);
		String s = subtype.toLowerCase(Locale.ROOT);
		if (s.equals("xml") || s.equals("cda") || t.equals("xml")) {
			return "application/xml";
		}
		if (s.equals("pdf")) {
			return "application/pdf";
		}
		if (t.equals("text") && (s.isEmpty() || s.equals("plain"))) {
			return "text/plain";
		}
		if (!t.isEmpty() && !s.isEmpty()) {
			return t + "/" + s;
		}
		return "application/octet-stream";
	}
}
