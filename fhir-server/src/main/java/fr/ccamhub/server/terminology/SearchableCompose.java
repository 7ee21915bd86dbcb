package fr.ccamhub.server.terminology;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.ValueSet;
import org.hl7.fhir.r4.model.ValueSet.ConceptSetComponent;
import org.hl7.fhir.r4.model.ValueSet.ConceptSetFilterComponent;

/**
 * A ValueSet whose content the ranked text search can compute from the terminology index: each
 * include is a whole code system (a given version or the current one), optionally narrowed by
 * {@code is-a} / {@code descendent-of} on its hierarchy or by {@code =} on a concept property.
 * Anything else (enumerated codes, included ValueSets, excludes, other filters) is left to HAPI.
 */
public record SearchableCompose(List<SystemInclude> includes) {

	/** One code system of the compose and the filters narrowing it. */
	public record SystemInclude(String system, String version, List<ConceptFilter> filters) {

		public SystemInclude {
			filters = List.copyOf(filters);
		}
	}

	/** A filter of a {@link SystemInclude}. */
	public record ConceptFilter(Kind kind, String property, String value) {

		/** What the filter keeps. */
		public enum Kind {
			/** The concept {@code value} and everything below it. */
			IS_A,
			/** Everything below the concept {@code value}, not itself. */
			DESCENDENT_OF,
			/** Concepts whose {@code property} equals {@code value}. */
			PROPERTY_EQUALS
		}
	}

	public SearchableCompose {
		includes = List.copyOf(includes);
	}

	/** The searchable reading of {@code valueSet}, or empty when HAPI must expand it. */
	public static Optional<SearchableCompose> of(ValueSet valueSet) {
		if (valueSet == null || !valueSet.hasCompose() || valueSet.getCompose().hasExclude()
				|| valueSet.getCompose().getInclude().isEmpty()) {
			return Optional.empty();
		}
		List<SystemInclude> includes = new ArrayList<>();
		for (ConceptSetComponent include : valueSet.getCompose().getInclude()) {
			if (!include.hasSystem() || include.hasConcept() || include.hasValueSet()) {
				return Optional.empty();
			}
			List<ConceptFilter> filters = new ArrayList<>();
			for (ConceptSetFilterComponent filter : include.getFilter()) {
				Optional<ConceptFilter> searchable = searchable(filter);
				if (searchable.isEmpty()) {
					return Optional.empty();
				}
				filters.add(searchable.get());
			}
			includes.add(new SystemInclude(include.getSystem(), include.hasVersion() ? include.getVersion() : null, filters));
		}
		return Optional.of(new SearchableCompose(includes));
	}

	private static Optional<ConceptFilter> searchable(ConceptSetFilterComponent filter) {
		if (!filter.hasProperty() || !filter.hasOp() || !filter.hasValue()) {
			return Optional.empty();
		}
		String property = filter.getProperty();
		boolean hierarchy = property.equals("concept") || property.equals("code");
		ConceptFilter.Kind kind = switch (filter.getOp()) {
			case ISA -> hierarchy ? ConceptFilter.Kind.IS_A : null;
			case DESCENDENTOF -> hierarchy ? ConceptFilter.Kind.DESCENDENT_OF : null;
			// HAPI reads display filters as phrases: leave those ValueSets to it.
			case EQUAL -> hierarchy || property.startsWith("display") ? null : ConceptFilter.Kind.PROPERTY_EQUALS;
			default -> null;
		};
		return Optional.ofNullable(kind).map(k -> new ConceptFilter(k, property, filter.getValue()));
	}
}
