package fr.ccamhub.hl7.mapping;

import ca.uhn.hl7v2.model.Segment;
import fr.ccamhub.interceptors.ins.InsIdentityValidator;
import fr.ccamhub.interceptors.ins.InsNumber;
import java.util.List;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StringType;

/**
 * PID to Patient: IPP (PID-3 type PI) and INS (PID-3 with an ANS INS OID, key checked), names (with
 * the birth first-name list of the legal name), birth date, sex, addresses and birth place (PID-11
 * type BDL, INSEE code), phones, death, and identity reliability (PID-32), in the FR Core shape.
 */
public final class PatientMapper {

	public static final String IDENTITY_STATUS_SYSTEM = "https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0445";
	public static final String BIRTH_LIST_GIVEN_NAME = "https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-patient-birth-list-given-name";
	public static final String BIRTH_PLACE = "http://hl7.org/fhir/StructureDefinition/patient-birthPlace";
	public static final String ADDRESS_INSEE_CODE = "https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-address-insee-code";
	/** INSEE codes of communes, overseas included (NOS TRE_R13), as FR Core's insee-code ValueSet names it. */
	public static final String INSEE_COMMUNE_SYSTEM = "https://mos.esante.gouv.fr/NOS/TRE_R13-CommuneOM/FHIR/TRE-R13-CommuneOM";

	/** Identity statuses of the French table 0445 (FR Core fr-core-cs-v2-0445). */
	private static final java.util.Set<String> FRENCH_IDENTITY_STATUSES =
			java.util.Set.of("VIDE", "PROV", "VALI", "QUAL", "DOUB", "DESA", "DPOT", "DOUA", "COLL", "DCD", "HOMO", "FICT");

	private final Hl7Dates dates;

	public PatientMapper(Hl7Dates dates) {
		this.dates = dates;
	}

	/** The patient and the identifier that finds it again (IPP, else INS, else the first one). */
	public record MappedPatient(Patient patient, Identifier key) {}

	/**
	 * @param localSystem identifier system for PID-3 entries that name no assigning authority
	 *     (the sender's own patient numbers)
	 */
	public MappedPatient map(Segment pid, int pidOccurrence, String localSystem) {
		Patient patient = new Patient();
		Identifier ipp = null;
		Identifier ins = null;
		int repetitions = Fields.repetitions(pid, 3);
		for (int rep = 0; rep < repetitions; rep++) {
			String value = Fields.get(pid, 3, rep, 1, 1);
			if (value.isEmpty()) {
				continue;
			}
			String namespace = Fields.get(pid, 3, rep, 4, 1);
			String oid = Fields.get(pid, 3, rep, 4, 2);
			String oidType = Fields.get(pid, 3, rep, 4, 3);
			String type = Fields.get(pid, 3, rep, 5, 1);
			if (Hl7Systems.isInsOid(oid)) {
				InsNumber.Kind kind = Hl7Systems.INS_NIA.equals(oid) ? InsNumber.Kind.NIA : InsNumber.Kind.NIR;
				int field = rep;
				InsNumber.problem(kind, value).ifPresent(problem -> {
					throw Hl7Rejection.error(Hl7Rejection.DATA_TYPE_ERROR, "PID", pidOccurrence, 3, 1,
							"PID-3 repetition " + (field + 1) + ": invalid INS-" + kind + " '" + value + "': " + problem);
				});
				Identifier identifier = patient.addIdentifier().setSystem("urn:oid:" + oid).setValue(value);
				identifier.setUse(Identifier.IdentifierUse.OFFICIAL);
				identifier.setType(new CodeableConcept(new Coding(Hl7Systems.FR_CORE_IDENTIFIER_TYPE, insType(oid), null)));
				ins = ins == null ? identifier : ins;
				continue;
			}
			String system = Hl7Systems.assigningAuthority(namespace, oid, oidType).orElse(localSystem);
			Identifier identifier = patient.addIdentifier().setSystem(system).setValue(value);
			if (!type.isEmpty()) {
				identifier.setType(new CodeableConcept(new Coding(Hl7Systems.IDENTIFIER_TYPE_V2, type, null)));
			}
			if (ipp == null && (type.isEmpty() || "PI".equals(type))) {
				identifier.setUse(Identifier.IdentifierUse.USUAL);
				ipp = identifier;
			}
		}
		if (patient.getIdentifier().isEmpty()) {
			throw Hl7Rejection.error(Hl7Rejection.REQUIRED_FIELD_MISSING, "PID", pidOccurrence, 3, 1,
					"PID-3 (patient identifier list) has no usable identifier: the patient cannot be matched");
		}
		names(pid, patient);
		dates.date(Fields.get(pid, 7)).ifPresent(patient::setBirthDateElement);
		patient.setGender(gender(Fields.get(pid, 8)));
		addresses(pid, patient);
		phones(pid, patient);
		dates.dateTime(Fields.get(pid, 29)).ifPresent(patient::setDeceased);
		if (!patient.hasDeceased() && "Y".equals(Fields.get(pid, 30))) {
			patient.setDeceased(new org.hl7.fhir.r4.model.BooleanType(true));
		}
		identityStatus(pid, pidOccurrence, patient);
		List<InsIdentityValidator.Problem> problems = InsIdentityValidator.problems(patient);
		if (!problems.isEmpty()) {
			InsIdentityValidator.Problem first = problems.get(0);
			int field = first.expression().contains("extension") ? 32 : 3;
			throw Hl7Rejection.error(Hl7Rejection.DATA_TYPE_ERROR, "PID", pidOccurrence, field, 0, first.message());
		}
		return new MappedPatient(patient, ipp != null ? ipp : ins != null ? ins : patient.getIdentifierFirstRep());
	}

	private static String insType(String oid) {
		return switch (oid) {
			case Hl7Systems.INS_NIA -> "INS-NIA";
			case Hl7Systems.INS_NIR_TEST -> "INS-NIR-TEST";
			case Hl7Systems.INS_NIR_DEMO -> "INS-NIR-DEMO";
			default -> "INS-NIR";
		};
	}

	private static void names(Segment pid, Patient patient) {
		for (int rep = 0; rep < Fields.repetitions(pid, 5); rep++) {
			String family = Fields.get(pid, 5, rep, 1, 1);
			String given = Fields.get(pid, 5, rep, 2, 1);
			if (family.isEmpty() && given.isEmpty()) {
				continue;
			}
			HumanName name = patient.addName().setFamily(family.isEmpty() ? null : family);
			if (!given.isEmpty()) {
				name.addGiven(given);
			}
			String type = Fields.get(pid, 5, rep, 7, 1);
			String others = Fields.get(pid, 5, rep, 3, 1);
			if ("L".equals(type) && !others.isEmpty()) {
				// PAM FR / INS: on the legal name, PID-5.2 is the first birth first name and PID-5.3 the full list.
				name.addExtension(BIRTH_LIST_GIVEN_NAME, new StringType(others));
			} else if (!others.isEmpty() && !others.equals(given)) {
				name.addGiven(others);
			}
			String prefix = Fields.get(pid, 5, rep, 5, 1);
			if (!prefix.isEmpty()) {
				name.addPrefix(prefix);
			}
			switch (type) {
				case "L" -> name.setUse(HumanName.NameUse.OFFICIAL);
				case "D" -> name.setUse(HumanName.NameUse.USUAL);
				case "M", "B" -> name.setUse(HumanName.NameUse.MAIDEN);
				case "N" -> name.setUse(HumanName.NameUse.NICKNAME);
				default -> { }
			}
		}
	}

	private static AdministrativeGender gender(String code) {
		return switch (code) {
			case "M" -> AdministrativeGender.MALE;
			case "F" -> AdministrativeGender.FEMALE;
			case "O", "A" -> AdministrativeGender.OTHER;
			case "U" -> AdministrativeGender.UNKNOWN;
			default -> null;
		};
	}

	private static void addresses(Segment pid, Patient patient) {
		for (int rep = 0; rep < Fields.repetitions(pid, 11); rep++) {
			String type = Fields.get(pid, 11, rep, 7, 1);
			String line = Fields.get(pid, 11, rep, 1, 1);
			String city = Fields.get(pid, 11, rep, 3, 1);
			String zip = Fields.get(pid, 11, rep, 5, 1);
			if ("BDL".equals(type)) {
				birthPlace(pid, rep, patient);
				continue;
			}
			if ("BR".equals(type) || (line.isEmpty() && city.isEmpty() && zip.isEmpty())) {
				continue;
			}
			Address address = patient.addAddress();
			if (!line.isEmpty()) {
				address.addLine(line);
			}
			String other = Fields.get(pid, 11, rep, 2, 1);
			if (!other.isEmpty()) {
				address.addLine(other);
			}
			address.setCity(city.isEmpty() ? null : city);
			address.setPostalCode(zip.isEmpty() ? null : zip);
			String country = Fields.get(pid, 11, rep, 6, 1);
			address.setCountry(country.isEmpty() ? null : country);
			if ("H".equals(type)) {
				address.setUse(Address.AddressUse.HOME);
			} else if ("O".equals(type) || "B".equals(type)) {
				address.setUse(Address.AddressUse.WORK);
			}
		}
	}

	/** PID-11 of type BDL: the birth place, its commune's INSEE code in PID-11.9 (PAM FR). */
	private static void birthPlace(Segment pid, int rep, Patient patient) {
		String city = Fields.get(pid, 11, rep, 3, 1);
		String zip = Fields.get(pid, 11, rep, 5, 1);
		String country = Fields.get(pid, 11, rep, 6, 1);
		String insee = Fields.get(pid, 11, rep, 9, 1);
		if ((city.isEmpty() && zip.isEmpty() && country.isEmpty() && insee.isEmpty()) || patient.hasExtension(BIRTH_PLACE)) {
			return;
		}
		Address place = new Address();
		if (!insee.isEmpty()) {
			place.addExtension(ADDRESS_INSEE_CODE, new Coding(INSEE_COMMUNE_SYSTEM, insee, null));
		}
		place.setCity(city.isEmpty() ? null : city);
		place.setPostalCode(zip.isEmpty() ? null : zip);
		place.setCountry(country.isEmpty() ? null : country);
		patient.addExtension(BIRTH_PLACE, place);
	}

	private static void phones(Segment pid, Patient patient) {
		for (int field : new int[] {13, 14}) {
			for (int rep = 0; rep < Fields.repetitions(pid, field); rep++) {
				String number = Fields.get(pid, field, rep, 12, 1);
				if (number.isEmpty()) {
					number = Fields.get(pid, field, rep, 1, 1);
				}
				String email = Fields.get(pid, field, rep, 4, 1);
				if (!email.isEmpty()) {
					patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(email);
				}
				if (!number.isEmpty()) {
					patient.addTelecom()
							.setSystem(ContactPoint.ContactPointSystem.PHONE)
							.setValue(number)
							.setUse(field == 13 ? ContactPoint.ContactPointUse.HOME : ContactPoint.ContactPointUse.WORK);
				}
			}
		}
	}

	private static void identityStatus(Segment pid, int occurrence, Patient patient) {
		String status = Fields.get(pid, 32);
		if (!FRENCH_IDENTITY_STATUSES.contains(status)) {
			// HL7's own table 0445 codes (US, UD, UA, AL) are not the French identity statuses.
			return;
		}
		Extension reliability = patient.addExtension().setUrl(InsIdentityValidator.IDENTITY_RELIABILITY);
		reliability.addExtension("identityStatus", new Coding(IDENTITY_STATUS_SYSTEM, status, null));
	}
}
