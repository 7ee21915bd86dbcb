package fr.ccamhub.terminology.suggest.llm;

import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import fr.ccamhub.terminology.suggest.Suggestion;
import java.util.List;

/** The product brief given to the model, the candidates it may choose from, and the answer's JSON schema. */
final class RankingPrompt {

	static final String SYSTEM = """
			Tu es un médecin DIM expert du codage CCAM (Classification commune des actes médicaux, version 81).
			On te donne une note clinique pseudonymisée et une liste de codes CCAM candidats avec leur libellé.
			Classe au plus 3 codes, choisis UNIQUEMENT parmi les candidats (n'invente jamais de code).
			Pour chaque code : une confiance de 0 à 100, une explication en français de deux phrases exactement,
			les modificateurs implicites (urgence de nuit U/P/S, dimanche F, âge E/A, fracture ouverte L...).
			Indique le matériel et la durée si la note les donne, les incompatibilités possibles avec d'autres actes,
			et, si tu n'es pas sûr, UNE question de clarification concise (ex. « Par cœlioscopie ou par laparotomie ? »).
			Réponds uniquement en JSON conforme au schéma.""";

	private RankingPrompt() {
	}

	static String user(String pseudonymizedNote, List<Suggestion> candidates) {
		StringBuilder text = new StringBuilder("Note : ").append(pseudonymizedNote).append("\n\nCandidats :\n");
		for (Suggestion candidate : candidates) {
			text.append("- ").append(candidate.code()).append(" : ").append(candidate.display()).append('\n');
		}
		return text.toString();
	}

	static ResponseFormat responseFormat() {
		JsonObjectSchema ranked = JsonObjectSchema.builder()
				.addStringProperty("code", "code CCAM choisi parmi les candidats")
				.addIntegerProperty("confidence", "confiance de 0 à 100")
				.addStringProperty("explanation", "deux phrases en français")
				.addProperty("modifiers", JsonArraySchema.builder().items(new JsonStringSchema()).build())
				.required("code", "confidence", "explanation", "modifiers")
				.additionalProperties(false)
				.build();
		JsonObjectSchema root = JsonObjectSchema.builder()
				.addProperty("ranking", JsonArraySchema.builder().items(ranked).build())
				.addStringProperty("question", "question de clarification, ou chaîne vide")
				.addStringProperty("material", "matériel mentionné, ou chaîne vide")
				.addStringProperty("duration", "durée mentionnée, ou chaîne vide")
				.addProperty("incompatibilities", JsonArraySchema.builder().items(new JsonStringSchema()).build())
				.required("ranking", "question", "material", "duration", "incompatibilities")
				.additionalProperties(false)
				.build();
		return ResponseFormat.builder().type(ResponseFormatType.JSON)
				.jsonSchema(JsonSchema.builder().name("ccam_ranking").rootElement(root).build())
				.build();
	}

}
