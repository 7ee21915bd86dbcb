package fr.ccamhub.server.audit.journal;

import ca.uhn.fhir.rest.param.ReferenceAndListParam;
import ca.uhn.fhir.rest.param.ReferenceOrListParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenAndListParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;

/** Turns HAPI's parsed search parameters into journal conditions, refusing what the journal cannot answer. */
final class SearchParameterValues {

	private SearchParameterValues() {}

	static void tokens(AuditJournalQuery query, AuditJournalQuery.ArrayColumn column, TokenAndListParam param) {
		if (param == null) {
			return;
		}
		for (TokenOrListParam any : param.getValuesAsQueryTokens()) {
			List<String> values = new ArrayList<>();
			for (TokenParam token : any.getValuesAsQueryTokens()) {
				refuseModifier(token);
				values.add(token.getSystem() == null || token.getSystem().isEmpty()
						? token.getValue() : token.getSystem() + "|" + token.getValue());
			}
			query.anyOf(column, values);
		}
	}

	static void scalar(AuditJournalQuery query, AuditJournalQuery.ScalarColumn column, TokenAndListParam param) {
		if (param == null) {
			return;
		}
		for (TokenOrListParam any : param.getValuesAsQueryTokens()) {
			List<String> values = new ArrayList<>();
			for (TokenParam token : any.getValuesAsQueryTokens()) {
				refuseModifier(token);
				values.add(token.getValue());
			}
			query.oneOf(column, values);
		}
	}

	/** References as versionless relative ids; a bare id takes the default type when there is one. */
	static void references(AuditJournalQuery query, AuditJournalQuery.ArrayColumn column, ReferenceAndListParam param,
			String defaultType) {
		if (param == null) {
			return;
		}
		for (ReferenceOrListParam any : param.getValuesAsQueryTokens()) {
			List<String> values = new ArrayList<>();
			for (ReferenceParam reference : any.getValuesAsQueryTokens()) {
				if (reference.getChain() != null) {
					throw new InvalidRequestException("Chained references are not supported on AuditEvent (" + reference.getChain() + ")");
				}
				String type = reference.getResourceType() != null ? reference.getResourceType() : defaultType;
				if (type == null) {
					throw new InvalidRequestException("AuditEvent references need a type, e.g. Patient/" + reference.getIdPart());
				}
				values.add(type + "/" + reference.getIdPart());
			}
			query.anyOf(column, values);
		}
	}

	private static void refuseModifier(TokenParam token) {
		if (token.getModifier() != null) {
			throw new InvalidRequestException("Token modifier :" + token.getModifier().getValue() + " is not supported on AuditEvent");
		}
	}
}
