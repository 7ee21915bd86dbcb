package fr.ccamhub.interceptors.audit.access;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.SimplePreResourceShowDetails;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import ca.uhn.fhir.storage.interceptor.balp.BalpAuditCaptureInterceptor;
import fr.ccamhub.interceptors.audit.StoringBalpSink;
import fr.ccamhub.interceptors.audit.PrincipalAuditContext;
import fr.ccamhub.interceptors.security.AccessPrincipal;
import fr.ccamhub.interceptors.security.RequestPrincipals;
import fr.ccamhub.interceptors.security.Role;
import fr.ccamhub.ledger.entry.CanonicalJson;
import fr.ccamhub.ledger.entry.ResourceHasher;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/** The AuditEvent written from an access record is, member for member, the one BALP + TDE shaping + HAPI give. */
class AccessAuditEventJsonTest {

	private static final FhirContext FHIR = FhirContext.forR4();

	static {
		// As the server configures it: AuditEvents name the version they saw.
		FHIR.getParserOptions().setDontStripVersionsFromReferencesAtPaths("AuditEvent.entity.what");
	}

	@Test
	void aPatientReadIsTheEventBalpBuildsShapedForTde() {
		Observation observation = new Observation();
		observation.setId("Observation/42/_history/3");
		observation.setSubject(new Reference("Patient/7"));

		assertSameAsBalp(request(RestOperationTypeEnum.READ, "Observation/42", Map.of(), doctor()), List.of(observation));
	}

	@Test
	void aBasicReadByAnUnauthenticatedCallerIsTheEventBalpBuilds() {
		Organization organization = new Organization();
		organization.setId("Organization/9/_history/1");

		assertSameAsBalp(request(RestOperationTypeEnum.VREAD, "Organization/9/_history/1", Map.of(), null), List.of(organization));
	}

	@Test
	void aSearchOverTwoPatientsGivesOneEventEachAsBalpDoes() {
		Observation first = new Observation();
		first.setId("Observation/1/_history/1");
		first.setSubject(new Reference("Patient/1"));
		Patient second = new Patient();
		second.setId("Patient/2/_history/4");
		Map<String, String[]> parameters = new LinkedHashMap<>();
		parameters.put("subject", new String[] {"Patient/1"});
		parameters.put("code", new String[] {"http://loinc.org|8867-4", "x y&\"é\u0007\n"});

		assertSameAsBalp(request(RestOperationTypeEnum.SEARCH_TYPE, "Observation", parameters, doctor()), List.of(first, second));
	}

	@Test
	void aSearchWithNothingFoundIsOneBasicQuery() {
		assertSameAsBalp(request(RestOperationTypeEnum.SEARCH_TYPE, "Observation", Map.of("_content", new String[] {"lipothymie"}), doctor()),
				List.of());
	}

	@Test
	void aCreateInAPatientsCompartmentIsTheEventBalpBuilds() {
		Observation observation = new Observation();
		observation.setId("Observation/43/_history/1");
		observation.setSubject(new Reference("Patient/7"));
		observation.addPerformer(new Reference("Patient/8"));

		assertSameAsBalpWrite(request(RestOperationTypeEnum.CREATE, "Observation", Map.of(), doctor()), observation,
				(balp, resource, request) -> balp.hookStoragePrecommitResourceCreated(resource, request),
				(ours, resource, request) -> ours.created(resource, request));
	}

	@Test
	void anUpdateInATransactionIsTheEventBalpBuilds() {
		Organization organization = new Organization();
		organization.setId("Organization/9/_history/2");

		assertSameAsBalpWrite(request(RestOperationTypeEnum.TRANSACTION, "", Map.of(), doctor()), organization,
				(balp, resource, request) -> balp.hookStoragePrecommitResourceUpdated(resource, resource, request),
				(ours, resource, request) -> ours.updated(resource, resource, request));
	}

	@Test
	void aDeleteNamesTheDeletedResourceByIdentifierAsOurBalpSinkDoes() {
		Patient patient = new Patient();
		patient.setId("Patient/5/_history/3");

		assertSameAsBalpWrite(request(RestOperationTypeEnum.DELETE, "Patient/5", Map.of(), doctor()), patient,
				(balp, resource, request) -> balp.hookStoragePrecommitResourceDeleted(resource, request),
				(ours, resource, request) -> ours.deleted(resource, request));
	}

	@Test
	void theLedgerHashIsTheHashOfTheEventAsServed() {
		Observation observation = new Observation();
		observation.setId("Observation/42/_history/3");
		observation.setSubject(new Reference("Patient/7"));
		List<AccessRecord> records = new ArrayList<>();
		new AccessAuditInterceptor(records::add, Clock.systemUTC()).resourcesShown(
				new SimplePreResourceShowDetails(List.of(observation)),
				request(RestOperationTypeEnum.READ, "Observation/42", Map.of(), doctor()));

		AccessAuditEventJson event = AccessAuditEventJson.of(records.get(0));

		String served = FHIR.newJsonParser().encodeResourceToString(FHIR.newJsonParser().parseResource(AuditEvent.class, event.json()));
		assertThat(event.ledgerHash()).isEqualTo(ResourceHasher.hashFhirResource(served));
		assertThat(CanonicalJson.canonicalUtf8(event.json())).isEqualTo(event.json().getBytes(StandardCharsets.UTF_8));
	}

	interface Hook<T> {
		void call(T interceptor, IBaseResource resource, ServletRequestDetails request);
	}

	private static void assertSameAsBalpWrite(ServletRequestDetails request, IBaseResource written,
			Hook<BalpAuditCaptureInterceptor> balpHook, Hook<AccessAuditInterceptor> ourHook) {
		List<AuditEvent> balpEvents = new ArrayList<>();
		balpHook.call(new BalpAuditCaptureInterceptor(new StoringBalpSink(balpEvents::add), new PrincipalAuditContext()), written,
				request);
		List<AccessRecord> records = new ArrayList<>();
		ourHook.call(new AccessAuditInterceptor(records::add, Clock.systemUTC()), written, request);
		assertSameEvents(balpEvents, records);
	}

	private static void assertSameAsBalp(ServletRequestDetails request, List<IBaseResource> shown) {
		List<AuditEvent> balpEvents = new ArrayList<>();
		BalpAuditCaptureInterceptor balp = new BalpAuditCaptureInterceptor(new StoringBalpSink(balpEvents::add),
				new PrincipalAuditContext());
		List<AccessRecord> records = new ArrayList<>();
		invokeBalp(balp, shown, request);
		new AccessAuditInterceptor(records::add, Clock.systemUTC())
				.resourcesShown(new SimplePreResourceShowDetails(shown), request);
		assertSameEvents(balpEvents, records);
	}

	private static void assertSameEvents(List<AuditEvent> balpEvents, List<AccessRecord> records) {
		assertThat(balpEvents).isNotEmpty();

		assertThat(records).hasSameSizeAs(balpEvents);
		for (int i = 0; i < records.size(); i++) {
			AccessRecord access = records.get(i);
			AuditEvent expected = balpEvents.get(i);
			expected.setRecorded(java.util.Date.from(access.recorded()));
			expected.getPeriod().setStart(expected.getRecorded());
			expected.setId("AuditEvent/" + access.id() + "/_history/1");
			expected.getMeta().setVersionId("1").setLastUpdated(expected.getRecorded());
			String expectedJson = FHIR.newJsonParser().encodeResourceToString(expected);

			String ours = AccessAuditEventJson.of(access).json();

			String oursAsServed = FHIR.newJsonParser().encodeResourceToString(FHIR.newJsonParser().parseResource(AuditEvent.class, ours));
			assertThat(canonicalWithoutTimes(oursAsServed)).isEqualTo(canonicalWithoutTimes(expectedJson));
			assertThat(ResourceHasher.hashFhirResource(oursAsServed)).isEqualTo(AccessAuditEventJson.of(access).ledgerHash());
		}
	}

	/** Instants are compared as instants elsewhere: HAPI writes them in the JVM's zone, we in UTC. */
	private static String canonicalWithoutTimes(String json) {
		return new String(CanonicalJson.canonicalUtf8(json), StandardCharsets.UTF_8)
				.replaceAll("\"(lastUpdated|recorded|start)\":\"[^\"]*\"", "\"$1\":\"T\"");
	}

	private static void invokeBalp(BalpAuditCaptureInterceptor balp, List<IBaseResource> shown, ServletRequestDetails request) {
		try {
			var hook = BalpAuditCaptureInterceptor.class.getDeclaredMethod("hookStoragePreShowResources",
					ca.uhn.fhir.rest.api.server.IPreResourceShowDetails.class, ServletRequestDetails.class);
			hook.setAccessible(true);
			hook.invoke(balp, new SimplePreResourceShowDetails(shown), request);
		} catch (ReflectiveOperationException e) {
			throw new AssertionError(e);
		}
	}

	private static AccessPrincipal doctor() {
		return new AccessPrincipal("u-123", "Dr Marie Curie", "https://idp.example/realms/ccamhub", "console",
				Set.of(Role.CLINICIAN), List.of(), false, Optional.empty(), Set.of(), true);
	}

	private static ServletRequestDetails request(RestOperationTypeEnum operation, String path, Map<String, String[]> parameters,
			AccessPrincipal principal) {
		Map<String, Object> attributes = new HashMap<>();
		HttpServletRequest servlet = (HttpServletRequest) Proxy.newProxyInstance(AccessAuditEventJsonTest.class.getClassLoader(),
				new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
					case "getRemoteAddr" -> "10.1.2.3";
					case "getAttribute" -> attributes.get((String) args[0]);
					case "setAttribute" -> attributes.put((String) args[0], args[1]);
					default -> null;
				});
		if (principal != null) {
			RequestPrincipals.attach(servlet, principal);
		}
		ServletRequestDetails request = new ServletRequestDetails();
		request.setServer(new RestfulServer(FHIR));
		request.setServletRequest(servlet);
		request.setRestOperationType(operation);
		request.setFhirServerBase("http://localhost:8080/fhir");
		request.setRequestId("req-0001");
		request.setRequestType(RequestTypeEnum.GET);
		request.setRequestPath(path);
		request.setCompleteUrl("http://localhost:8080/fhir/" + path);
		request.setParameters(parameters);
		return request;
	}
}
