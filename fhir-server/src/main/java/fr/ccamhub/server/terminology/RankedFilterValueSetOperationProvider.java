package fr.ccamhub.server.terminology;

import ca.uhn.fhir.jpa.model.util.JpaConstants;
import ca.uhn.fhir.jpa.provider.ValueSetOperationProvider;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import fr.ccamhub.server.search.TypedFilter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.ValueSet;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * HAPI's ValueSet operations, with {@code $expand?filter=} on code-system-based ValueSets answered
 * by a ranked search: every typed word in any order, accent- and case-insensitive, French elision,
 * the last word as a prefix, best matches first, paged with {@code offset}/{@code count}.
 * Expansions without a filter, and ValueSets the search cannot compute ({@link SearchableCompose}),
 * are HAPI's, unchanged.
 */
public class RankedFilterValueSetOperationProvider extends ValueSetOperationProvider {

	private final ConceptTextSearch search;
	private final TransactionTemplate readOnlyTransactions;
	private final TerminologySearchProperties properties;
	private final Analyzer analyzer;
	private final CharArraySet functionWords;

	RankedFilterValueSetOperationProvider(
			ConceptTextSearch search,
			TransactionTemplate readOnlyTransactions,
			TerminologySearchProperties properties,
			Analyzer analyzer) {
		this.search = search;
		this.readOnlyTransactions = readOnlyTransactions;
		this.properties = properties;
		this.analyzer = analyzer;
		this.functionWords = TypedFilter.frenchFunctionWords(analyzer);
	}

	// HAPI binds the operation from the overriding method, so its annotations are repeated here.
	@Override
	@Operation(name = JpaConstants.OPERATION_EXPAND, idempotent = true, typeName = "ValueSet")
	public IBaseResource expand(
			HttpServletRequest theServletRequest,
			@IdParam(optional = true) IIdType theId,
			@OperationParam(name = "valueSet", min = 0, max = 1) IBaseResource theValueSet,
			@OperationParam(name = "url", min = 0, max = 1, typeName = "uri") IPrimitiveType<String> theUrl,
			@OperationParam(name = "valueSetVersion", min = 0, max = 1, typeName = "string")
					IPrimitiveType<String> theValueSetVersion,
			@OperationParam(name = "filter", min = 0, max = 1, typeName = "string") IPrimitiveType<String> theFilter,
			@OperationParam(name = "context", min = 0, max = 1, typeName = "string") IPrimitiveType<String> theContext,
			@OperationParam(name = "contextDirection", min = 0, max = 1, typeName = "string")
					IPrimitiveType<String> theContextDirection,
			@OperationParam(name = "offset", min = 0, max = 1, typeName = "integer") IPrimitiveType<Integer> theOffset,
			@OperationParam(name = "count", min = 0, max = 1, typeName = "integer") IPrimitiveType<Integer> theCount,
			@OperationParam(name = JpaConstants.OPERATION_EXPAND_PARAM_DISPLAY_LANGUAGE, min = 0, max = 1, typeName = "code")
					IPrimitiveType<String> theDisplayLanguage,
			@OperationParam(name = JpaConstants.OPERATION_EXPAND_PARAM_INCLUDE_HIERARCHY, min = 0, max = 1, typeName = "boolean")
					IPrimitiveType<Boolean> theIncludeHierarchy,
			RequestDetails theRequestDetails) {
		Optional<IBaseResource> ranked = rankedExpansion(theId, theValueSet, theUrl, theValueSetVersion, theFilter,
				theContext, theOffset, theCount, theDisplayLanguage, theIncludeHierarchy, theRequestDetails);
		return ranked.orElseGet(() -> super.expand(theServletRequest, theId, theValueSet, theUrl, theValueSetVersion,
				theFilter, theContext, theContextDirection, theOffset, theCount, theDisplayLanguage, theIncludeHierarchy,
				theRequestDetails));
	}

	private Optional<IBaseResource> rankedExpansion(
			IIdType id,
			IBaseResource inline,
			IPrimitiveType<String> url,
			IPrimitiveType<String> valueSetVersion,
			IPrimitiveType<String> filter,
			IPrimitiveType<String> context,
			IPrimitiveType<Integer> offset,
			IPrimitiveType<Integer> count,
			IPrimitiveType<String> displayLanguage,
			IPrimitiveType<Boolean> includeHierarchy,
			RequestDetails request) {
		if (!properties.enabled() || value(filter) == null || value(context) != null
				|| Boolean.TRUE.equals(value(includeHierarchy))) {
			return Optional.empty();
		}
		TypedFilter typed = TypedFilter.parse(value(filter), analyzer, functionWords);
		if (typed.isEmpty()) {
			return Optional.empty();
		}
		ExpansionPage page = ExpansionPage.requested(value(offset), value(count), properties);
		return readOnlyTransactions.execute(tx -> valueSet(id, inline, url, valueSetVersion, request)
				.flatMap(valueSet -> SearchableCompose.of(valueSet)
						.flatMap(compose -> search.search(compose, typed, page, value(displayLanguage)))
						.map(found -> RankedExpansion.of(valueSet, value(filter), page, found))));
	}

	/** The ValueSet the request names, when it names exactly one; otherwise HAPI answers (and explains). */
	private Optional<ValueSet> valueSet(IIdType id, IBaseResource inline, IPrimitiveType<String> url,
			IPrimitiveType<String> valueSetVersion, RequestDetails request) {
		boolean hasId = id != null && id.hasIdPart();
		boolean hasInline = inline != null && !inline.isEmpty();
		boolean hasUrl = value(url) != null;
		if ((hasId ? 1 : 0) + (hasInline ? 1 : 0) + (hasUrl ? 1 : 0) != 1) {
			return Optional.empty();
		}
		IBaseResource resource;
		if (hasId) {
			resource = getDao().read(id, request);
		} else if (hasInline) {
			resource = inline;
		} else {
			String version = value(valueSetVersion);
			resource = myValidationSupport.fetchValueSet(version == null ? value(url) : value(url) + "|" + version);
		}
		return resource instanceof ValueSet valueSet ? Optional.of(valueSet) : Optional.empty();
	}

	private static <T> T value(IPrimitiveType<T> primitive) {
		if (primitive == null || primitive.getValue() == null) {
			return null;
		}
		return primitive.getValue() instanceof String text && text.isBlank() ? null : primitive.getValue();
	}
}
