package fr.ccamhub.dmp.summary;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Renders the per-stay summary of coded acts as a PDF in French (Apache PDFBox): the patient and the stay, then one
 * block per act with its date, CCAM code, label, activity, phase, modifiers and performer. Long labels wrap; pages are
 * added as needed. The standard Helvetica fonts (WinAnsi) carry French accents; any other character is replaced.
 */
public final class ActsSummaryPdf {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.FRENCH);
	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.FRENCH);
	private static final float MARGIN = 50;
	private static final float LEADING = 14;

	private ActsSummaryPdf() {}

	public static byte[] render(ActsSummary summary) {
		List<Line> lines = new ArrayList<>();
		lines.add(new Line(Style.TITLE, "Synthèse des actes CCAM du séjour"));
		lines.add(new Line(Style.TEXT, summary.facility()));
		lines.add(Line.blank());
		lines.add(new Line(Style.TEXT, "Patient : " + summary.patientName()
				+ summary.birthDate().map(date -> ", né(e) le " + DAY.format(date)).orElse("")));
		lines.add(new Line(Style.TEXT, "INS : " + summary.ins()));
		lines.add(new Line(Style.TEXT, "Séjour : " + summary.start().map(MINUTE::format).map(start -> "du " + start).orElse("")
				+ summary.end().map(MINUTE::format).map(end -> " au " + end).orElse(" (en cours)")));
		lines.add(Line.blank());
		lines.add(new Line(Style.HEADING, summary.acts().size() + (summary.acts().size() > 1 ? " actes réalisés" : " acte réalisé")));
		for (ActsSummary.Act act : summary.acts()) {
			lines.add(Line.blank());
			lines.add(new Line(Style.BOLD, act.code() + act.performed().map(date -> " — " + MINUTE.format(date)).orElse("")));
			lines.add(new Line(Style.TEXT, act.label()));
			lines.add(new Line(Style.TEXT, "Activité " + act.activity() + ", phase " + act.phase()
					+ (act.modifiers().isEmpty() ? "" : ", modificateurs " + String.join(", ", act.modifiers()))));
			if (!act.performer().isBlank()) {
				lines.add(new Line(Style.TEXT, "Réalisé par " + act.performer()));
			}
		}
		lines.add(Line.blank());
		lines.add(new Line(Style.SMALL, "Document établi par ccamhub à partir des actes codés en CCAM (nomenclature V81)."));
		try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PDDocumentInformation information = document.getDocumentInformation();
			information.setTitle("Synthèse des actes CCAM du séjour");
			information.setCreator("ccamhub");
			write(document, lines);
			document.save(out);
			return out.toByteArray();
		} catch (IOException e) {
			throw new UncheckedIOException("cannot render the acts summary", e);
		}
	}

	private static void write(PDDocument document, List<Line> lines) throws IOException {
		PDRectangle size = PDRectangle.A4;
		float width = size.getWidth() - 2 * MARGIN;
		PDPageContentStream content = null;
		float y = 0;
		try {
			for (Line line : lines) {
				for (String wrapped : wrap(line, width)) {
					if (content == null || y < MARGIN + LEADING) {
						if (content != null) {
							content.close();
						}
						PDPage page = new PDPage(size);
						document.addPage(page);
						content = new PDPageContentStream(document, page);
						y = size.getHeight() - MARGIN;
					}
					if (!wrapped.isEmpty()) {
						content.beginText();
						content.setFont(line.style().font(), line.style().size);
						content.newLineAtOffset(MARGIN, y);
						content.showText(wrapped);
						content.endText();
					}
					y -= line.style() == Style.TITLE ? LEADING * 1.6f : LEADING;
				}
			}
		} finally {
			if (content != null) {
				content.close();
			}
		}
	}

	private static List<String> wrap(Line line, float width) throws IOException {
		String text = printable(line.text());
		List<String> wrapped = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (String word : text.split(" ")) {
			String candidate = current.isEmpty() ? word : current + " " + word;
			if (!current.isEmpty() && line.style().font().getStringWidth(candidate) / 1000 * line.style().size > width) {
				wrapped.add(current.toString());
				current = new StringBuilder(word);
			} else {
				current = new StringBuilder(candidate);
			}
		}
		wrapped.add(current.toString());
		return wrapped;
	}

	/** Keeps what WinAnsi encodes (Latin-1 and a few typographic signs); anything else becomes "?". */
	static String printable(String text) {
		StringBuilder printable = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			boolean latin1 = c >= 0x20 && c <= 0xFF && !(c >= 0x7F && c <= 0x9F);
			boolean typographic = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ".indexOf(c) >= 0;
			printable.append(latin1 || typographic ? c : (c == '\t' || c == '\n' || c == '\r' ? ' ' : '?'));
		}
		return printable.toString();
	}

	private enum Style {
		TITLE(Standard14Fonts.FontName.HELVETICA_BOLD, 16),
		HEADING(Standard14Fonts.FontName.HELVETICA_BOLD, 12),
		BOLD(Standard14Fonts.FontName.HELVETICA_BOLD, 10),
		TEXT(Standard14Fonts.FontName.HELVETICA, 10),
		SMALL(Standard14Fonts.FontName.HELVETICA_OBLIQUE, 8);

		private final Standard14Fonts.FontName name;
		private final float size;

		Style(Standard14Fonts.FontName name, float size) {
			this.name = name;
			this.size = size;
		}

		PDType1Font font() {
			return new PDType1Font(name);
		}
	}

	private record Line(Style style, String text) {
		static Line blank() {
			return new Line(Style.TEXT, "");
		}
	}
}
