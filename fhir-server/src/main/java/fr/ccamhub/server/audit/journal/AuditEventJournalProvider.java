package fr.ccamhub.server.audit.journal;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.HookParams;
import ca.uhn.fhir.interceptor.api.IInterceptorBroadcaster;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.Delete;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.annotation.Validate;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.ValidationModeEnum;
import ca.uhn.fhir.rest.server.exceptions.MethodNotAllowedException;
import fr.ccamhub.interceptors.audit.AuditEventRepository;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Sort;
import ca.uhn.fhir.rest.api.SortOrderEnum;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.IPreResourceAccessDetails;
import ca.uhn.fhir.rest.api.server.IPreResourceShowDetails;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SimplePreResourceAccessDetails;
import ca.uhn.fhir.rest.api.server.SimplePreResourceShowDetails;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceAndListParam;
import ca.uhn.fhir.rest.param.StringAndListParam;
import ca.uhn.fhir.rest.param.StringOrListParam;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenAndListParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import ca.uhn.fhir.rest.server.util.CompositeInterceptorBroadcaster;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.IdType;

/**
 * Serves AuditEvents from the audit journal: read, vread (every AuditEvent has exactly one version, 1) and search by
 * the parameters auditors use ({@code _id}, {@code date}, {@code patient}, {@code entity}, {@code entity-name},
 * {@code agent}, {@code type}, {@code subtype}, {@code action}, {@code outcome}, {@code _sort=date|-date}). What is
 * served goes through the same storage hooks as any stored resource (pre-access, pre-show), so authorization, consent
 * and access audit apply unchanged. Other systems may report AuditEvents (create); none can be updated or deleted.
 */
public final class AuditEventJournalProvider implements IResourceProvider {

	private final FhirContext fhirContext;
	private final JdbcAuditJournal journal;
	private final AuditEventRepository repository;
	private final DaoRegistry daos;
	private final IInterceptorBroadcaster storageInterceptors;
	private final int defaultPageSize;

	public AuditEventJournalProvider(FhirContext fhirContext, JdbcAuditJournal journal, AuditEventRepository repository,
			DaoRegistry daos, IInterceptorBroadcaster storageInterceptors, int defaultPageSize) {
		this.fhirContext = fhirContext;
		this.journal = journal;
		this.repository = repository;
		this.daos = daos;
		this.storageInterceptors = storageInterceptors;
		this.defaultPageSize = defaultPageSize;
	}

	@Override
	public Class<AuditEvent> getResourceType() {
		return AuditEvent.class;
	}

	/** An AuditEvent reported by another system (where the access matrix grants it): journaled and ledgered like ours. */
	@Create
	public MethodOutcome create(@ResourceParam AuditEvent event) {
		repository.store(event);
		return new MethodOutcome(event.getIdElement(), true).setResource(event);
	}

	@Update
	public MethodOutcome update(@IdParam IdType id, @ResourceParam AuditEvent event) {
		throw immutable(id, "updated");
	}

	@Delete
	public MethodOutcome delete(@IdParam IdType id) {
		throw immutable(id, "deleted");
	}

	/** {@code AuditEvent/$validate}, by HAPI's validator, as for every other type. */
	@Validate
	public MethodOutcome validate(@ResourceParam AuditEvent event, @ResourceParam String raw, @ResourceParam EncodingEnum encoding,
			@Validate.Mode ValidationModeEnum mode, @Validate.Profile String profile, RequestDetails request) {
		return daos.getResourceDao(AuditEvent.class).validate(event, null, raw, encoding, mode, profile, request);
	}

	private static MethodNotAllowedException immutable(IdType id, String verb) {
		return new MethodNotAllowedException("AuditEvents are immutable: AuditEvent/" + id.getIdPart() + " cannot be " + verb);
	}

	@Read(version = true)
	public AuditEvent read(@IdParam IdType id, RequestDetails request) {
		if (id.hasVersionIdPart() && !"1".equals(id.getVersionIdPart())) {
			throw new ResourceNotFoundException("AuditEvent/" + id.getIdPart() + "/_history/" + id.getVersionIdPart()
					+ " does not exist: an AuditEvent has a single version, 1");
		}
		AuditEvent event = journal.find(id.getIdPart()).map(this::parse)
				.orElseThrow(() -> new ResourceNotFoundException("AuditEvent/" + id.getIdPart() + " is not known"));
		List<IBaseResource> shown = throughStorageHooks(List.of(event), request);
		if (shown.isEmpty()) {
			throw new ResourceNotFoundException("AuditEvent/" + id.getIdPart() + " is not known");
		}
		return (AuditEvent) shown.get(0);
	}

	@Search(allowUnknownParams = false)
	public IBundleProvider search(
			@OptionalParam(name = "_id") TokenAndListParam ids,
			@OptionalParam(name = AuditEvent.SP_DATE) DateRangeParam date,
			@OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated,
			@OptionalParam(name = AuditEvent.SP_PATIENT) ReferenceAndListParam patient,
			@OptionalParam(name = AuditEvent.SP_ENTITY) ReferenceAndListParam entity,
			@OptionalParam(name = AuditEvent.SP_ENTITY_NAME) StringAndListParam entityName,
			@OptionalParam(name = AuditEvent.SP_AGENT) ReferenceAndListParam agent,
			@OptionalParam(name = AuditEvent.SP_TYPE) TokenAndListParam type,
			@OptionalParam(name = AuditEvent.SP_SUBTYPE) TokenAndListParam subtype,
			@OptionalParam(name = AuditEvent.SP_ACTION) TokenAndListParam action,
			@OptionalParam(name = AuditEvent.SP_OUTCOME) TokenAndListParam outcome,
			@Sort SortSpec sort,
			@Count Integer count,
			@Offset Integer offset,
			RequestDetails request) {
		AuditJournalQuery query = new AuditJournalQuery();
		SearchParameterValues.scalar(query, AuditJournalQuery.ScalarColumn.ID, ids);
		SearchParameterValues.scalar(query, AuditJournalQuery.ScalarColumn.ACTION, action);
		SearchParameterValues.scalar(query, AuditJournalQuery.ScalarColumn.OUTCOME, outcome);
		SearchParameterValues.tokens(query, AuditJournalQuery.ArrayColumn.TYPE, type);
		SearchParameterValues.tokens(query, AuditJournalQuery.ArrayColumn.SUBTYPE, subtype);
		SearchParameterValues.references(query, AuditJournalQuery.ArrayColumn.PATIENT, patient, "Patient");
		SearchParameterValues.references(query, AuditJournalQuery.ArrayColumn.ENTITY, entity, null);
		SearchParameterValues.references(query, AuditJournalQuery.ArrayColumn.AGENT, agent, null);
		entityNames(query, entityName);
		// An AuditEvent is stored when it is recorded: meta.lastUpdated is its recorded time.
		for (DateRangeParam range : new DateRangeParam[] {date, lastUpdated}) {
			if (range != null && range.getLowerBoundAsInstant() != null) {
				query.recordedFrom(range.getLowerBoundAsInstant().toInstant());
			}
			if (range != null && range.getUpperBoundAsInstant() != null) {
				query.recordedUntil(range.getUpperBoundAsInstant().toInstant());
			}
		}
		query.newestFirst(newestFirst(sort));
		return new JournalBundle(query, offset == null ? 0 : Math.max(0, offset), count == null ? defaultPageSize : count, request);
	}

	private static boolean newestFirst(SortSpec sort) {
		if (sort == null) {
			return false;
		}
		if (sort.getChain() != null || !List.of("date", "_lastUpdated").contains(sort.getParamName())) {
			throw new InvalidRequestException("AuditEvents sort by date only: _sort=date or _sort=-date");
		}
		return sort.getOrder() == SortOrderEnum.DESC;
	}

	private static void entityNames(AuditJournalQuery query, StringAndListParam names) {
		if (names == null) {
			return;
		}
		for (StringOrListParam any : names.getValuesAsQueryTokens()) {
			List<String> exact = new ArrayList<>();
			List<String> prefixes = new ArrayList<>();
			for (StringParam name : any.getValuesAsQueryTokens()) {
				if (name.isExact()) {
					exact.add(name.getValue());
				} else if (name.isContains()) {
					throw new InvalidRequestException("entity-name:contains is not supported on AuditEvent; use entity-name or entity-name:exact");
				} else {
					prefixes.add(name.getValue());
				}
			}
			if (!exact.isEmpty() && !prefixes.isEmpty()) {
				throw new InvalidRequestException("entity-name: do not mix :exact and prefix values in one parameter");
			}
			if (!exact.isEmpty()) {
				query.anyOf(AuditJournalQuery.ArrayColumn.ENTITY_NAME, exact);
			} else {
				query.entityNameStartsWith(prefixes);
			}
		}
	}

	private AuditEvent parse(String json) {
		return fhirContext.newJsonParser().parseResource(AuditEvent.class, json);
	}

	/** Pre-access then pre-show, as HAPI's JPA storage does: a hook may hide a resource or change what is shown. */
	private List<IBaseResource> throughStorageHooks(List<IBaseResource> resources, RequestDetails request) {
		IInterceptorBroadcaster broadcaster = CompositeInterceptorBroadcaster.newCompositeBroadcaster(storageInterceptors, request);
		List<IBaseResource> accessible = resources;
		if (broadcaster.hasHooks(Pointcut.STORAGE_PREACCESS_RESOURCES)) {
			SimplePreResourceAccessDetails access = new SimplePreResourceAccessDetails(resources);
			broadcaster.callHooks(Pointcut.STORAGE_PREACCESS_RESOURCES, new HookParams()
					.add(IPreResourceAccessDetails.class, access)
					.add(RequestDetails.class, request)
					.addIfMatchesType(ServletRequestDetails.class, request));
			accessible = new ArrayList<>();
			for (int i = 0; i < resources.size(); i++) {
				if (!access.isDontReturnResourceAtIndex(i)) {
					accessible.add(resources.get(i));
				}
			}
		}
		if (accessible.isEmpty() || !broadcaster.hasHooks(Pointcut.STORAGE_PRESHOW_RESOURCES)) {
			return accessible;
		}
		SimplePreResourceShowDetails show = new SimplePreResourceShowDetails(accessible);
		broadcaster.callHooks(Pointcut.STORAGE_PRESHOW_RESOURCES, new HookParams()
				.add(IPreResourceShowDetails.class, show)
				.add(RequestDetails.class, request)
				.addIfMatchesType(ServletRequestDetails.class, request));
		return show.toList();
	}

	/**
	 * One page of a search's results, fetched from the journal at {@code _offset}; HAPI links the pages with
	 * {@code _offset} and {@code _count}, so paging holds no server state and works on any replica.
	 */
	private final class JournalBundle implements IBundleProvider {

		private final AuditJournalQuery query;
		private final int offset;
		private final int pageSize;
		private final RequestDetails request;
		private final org.hl7.fhir.r4.model.InstantType published = org.hl7.fhir.r4.model.InstantType.now();
		private Integer size;

		JournalBundle(AuditJournalQuery query, int offset, int pageSize, RequestDetails request) {
			this.query = query;
			this.offset = offset;
			this.pageSize = pageSize;
			this.request = request;
		}

		@Override
		public IPrimitiveType<java.util.Date> getPublished() {
			return published;
		}

		@Override
		public List<IBaseResource> getResources(int fromIndex, int toIndex) {
			if (toIndex <= fromIndex) {
				return List.of();
			}
			List<IBaseResource> page = new ArrayList<>();
			// In offset paging HAPI asks for everything from 0: this bundle is one page, at most pageSize long.
			for (String json : journal.search(query, offset + fromIndex, Math.min(toIndex - fromIndex, pageSize))) {
				page.add(parse(json));
			}
			return throughStorageHooks(page, request);
		}

		@Override
		public Integer getCurrentPageOffset() {
			return offset;
		}

		@Override
		public Integer getCurrentPageSize() {
			return pageSize;
		}

		@Override
		public String getUuid() {
			return null;
		}

		@Override
		public Integer preferredPageSize() {
			return pageSize;
		}

		@Override
		public Integer size() {
			if (size == null) {
				size = journal.count(query);
			}
			return size;
		}
	}
}
