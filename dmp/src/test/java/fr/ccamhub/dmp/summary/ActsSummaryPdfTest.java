package fr.ccamhub.dmp.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class ActsSummaryPdfTest {

	private static final ActsSummary.Act APPENDICECTOMIE = new ActsSummary.Act(
			Optional.of(LocalDateTime.of(2026, 3, 11, 23, 30)), "HHFA016",
			"Appendicectomie, par abord de la fosse iliaque", "1", "0", List.of("U"), "Dr Sophie MARTIN");

	@Test
	void theSummaryShowsThePatientTheStayAndEachActInFrench() throws Exception {
		ActsSummary summary = new ActsSummary("DUPONT Marie", Optional.of(LocalDate.of(1980, 1, 17)), "280017512345610",
				"CENTRE HOSPITALIER EXEMPLE", Optional.of(LocalDateTime.of(2026, 3, 11, 20, 0)),
				Optional.of(LocalDateTime.of(2026, 3, 14, 11, 0)), List.of(APPENDICECTOMIE));

		String text = textOf(ActsSummaryPdf.render(summary));

		assertThat(text).contains("Synthèse des actes CCAM du séjour", "DUPONT Marie", "né(e) le 17/01/1980",
				"280017512345610", "du 11/03/2026 20:00 au 14/03/2026 11:00", "1 acte réalisé", "HHFA016",
				"Appendicectomie, par abord de la fosse iliaque", "modificateurs U", "Réalisé par Dr Sophie MARTIN");
	}

	@Test
	void manyActsFlowOntoFurtherPagesAndUnencodableCharactersDoNotBreakIt() throws Exception {
		List<ActsSummary.Act> acts = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			acts.add(new ActsSummary.Act(Optional.empty(), "HHFA016", "Acte n° " + i + " ✓ " + "libellé long ".repeat(12),
					"1", "0", List.of(), ""));
		}
		byte[] pdf = ActsSummaryPdf.render(new ActsSummary("DUPONT Marie", Optional.empty(), "280017512345610",
				"CH", Optional.empty(), Optional.empty(), acts));

		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).isGreaterThan(1);
		}
		assertThat(textOf(pdf)).contains("60 actes réalisés", "Acte n° 59 ? libellé long");
	}

	private static String textOf(byte[] pdf) throws Exception {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}
}
