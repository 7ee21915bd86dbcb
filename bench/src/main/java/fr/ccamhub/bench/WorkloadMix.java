package fr.ccamhub.bench;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A realistic inbound mix: ADT A01 admissions (25 %) and A08 updates (25 %), DFT^P03 with one to
 * three CCAM acts (35 %), ORU^R01 device vitals (15 %), over a pool of patients so that updates
 * and acts hit patients and stays that already exist.
 */
final class WorkloadMix {

	private static final List<String> ACTS = List.of("HHFA016^Appendicectomie^CCAM", "HMFC004^Cholécystectomie^CCAM",
			"DEQP003^ECG^CCAM", "ZCQM001^Échographie abdominale^CCAM", "QZFA036^Exérèse de lésion cutanée^CCAM",
			"JKQE002^Hystéroscopie^CCAM", "YYYY010^Premier recours^CCAM");
	private static final int PATIENTS = 500;

	private final String runId;

	WorkloadMix(String runId) {
		this.runId = runId;
	}

	String message(long sequence) {
		int dice = ThreadLocalRandom.current().nextInt(100);
		int patient = (int) (sequence % PATIENTS);
		String control = runId + "-" + sequence;
		if (dice < 25) {
			return adt("A01", control, patient);
		}
		if (dice < 50) {
			return adt("A08", control, patient);
		}
		if (dice < 85) {
			return dft(control, patient, 1 + ThreadLocalRandom.current().nextInt(3));
		}
		return oru(control, patient);
	}

	private String msh(String type, String control) {
		return "MSH|^~\\&|BENCH|CLINIQUE-Z|CCAMHUB|CLINIQUE-Z|20260312101500||" + type + "|" + control + "|P|2.5|||||FRA|UNICODE UTF-8";
	}

	private String pid(int patient) {
		return "PID|1||" + runId + "P" + patient + "^^^CLINIQUE-Z&1.2.250.1.999.9&ISO^PI||BENCH" + patient + "^Camille||19700101|F|||"
				+ "1 rue de la Paix^^PARIS^^75002^FRA^H";
	}

	private String pv1(int patient) {
		return "PV1|1|I|CHIR^1^1^CLINIQUE-Z||||||||||||||||" + runId + "V" + patient
				+ "^^^CLINIQUE-Z&1.2.250.1.999.9&ISO^VN|||||||||||||||||||||||||20260311080000";
	}

	private String adt(String event, String control, int patient) {
		return String.join("\r", msh("ADT^" + event + "^ADT_A01", control), "EVN|" + event + "|20260312101500", pid(patient), pv1(patient)) + "\r";
	}

	private String dft(String control, int patient, int acts) {
		StringBuilder message = new StringBuilder(String.join("\r", msh("DFT^P03^DFT_P03", control), "EVN|P03|20260312101500",
				pid(patient), pv1(patient)));
		for (int i = 1; i <= acts; i++) {
			String code = ACTS.get(ThreadLocalRandom.current().nextInt(ACTS.size()));
			message.append("\rFT1|").append(i).append('|').append(control).append("-").append(i)
					.append("||20260311233000||CG|||Acte du jour|1").append("|".repeat(15)).append(code);
		}
		return message.append('\r').toString();
	}

	private String oru(String control, int patient) {
		return String.join("\r", msh("ORU^R01^ORU_R01", control), pid(patient),
				"OBR|1||" + control + "^GATEWAY|528391^MDC_DEV_SPEC_PROFILE_BP^MDC|||20260312101000",
				"OBX|1|NM|150021^MDC_PRESS_BLD_NONINV_SYS^MDC|1.0.1.1|128|266016^MDC_DIM_MMHG^MDC|90-140||||F|||20260312101000",
				"OBX|2|NM|150022^MDC_PRESS_BLD_NONINV_DIA^MDC|1.0.1.2|82|266016^MDC_DIM_MMHG^MDC|60-90||||F|||20260312101000",
				"OBX|3|NM|149546^MDC_PULS_RATE_NON_INV^MDC|1.0.1.3|71|264864^MDC_DIM_BEAT_PER_MIN^MDC|50-100||||F|||20260312101000")
				+ "\r";
	}
}
