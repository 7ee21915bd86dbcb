package fr.ccamhub.interceptors.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.interceptor.auth.AuthorizationInterceptor;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRule;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRuleBuilderRuleOpClassifier;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRuleBuilderRuleOpClassifierFinished;
import ca.uhn.fhir.rest.server.interceptor.auth.PolicyEnum;
import ca.uhn.fhir.rest.server.interceptor.auth.RuleBuilder;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;

/**
 * HAPI authorization rules built per request from the caller's roles and SMART scopes
 * ({@link AccessPolicy}). Everything not granted is refused with a 403 whose OperationOutcome names
 * the roles, the resource type, the interaction and the transaction entry refused. Custom operations
 * are granted by name per role, so a new operation is closed until the access matrix opens it.
 */
public class RoleAndScopeAuthorizationInterceptor extends AuthorizationInterceptor {

	/**
	 * Operations whose response is computed from the request alone (an OperationOutcome of rule
	 * findings, a ClaimResponse priced from the submitted Claim, CCAM suggestions for a note, a
	 * validation report): nothing stored is returned, so the response needs no resource-level
	 * authorization beyond the grant of the operation itself.
	 */
	public static final Set<String> COMPUTED_RESPONSE_OPERATIONS =
			Set.of("$ccam-check", "$ccam-price", "$suggest-ccam", "$verify", "$validate");

	/**
	 * Operations granted on types and the server, and on stored instances only of the types the caller
	 * may read: {@code Patient/123/$validate} reports on a stored resource.
	 */
	public static final Set<String> TYPE_LEVEL_OPERATIONS = Set.of("$validate");

	private static final String REFUSAL = AccessRefusal.class.getName();
	private static final ca.uhn.fhir.context.FhirContext FHIR = ca.uhn.fhir.context.FhirContext.forR4Cached();
	private static final String BULK_EXPORT = "$export";
	private static final String BULK_EXPORT_STATUS = "$export-poll-status";

	private static final List<IAuthRule> ANONYMOUS_RULES = List.copyOf(new RuleBuilder()
			.allow("capability statement").metadata().andThen()
			.denyAll("no authenticated caller").build());

	private final AccessPolicy policy;
	private final DevicePatientLinks devicePatientLinks;
	private final Cache<RuleKey, List<IAuthRule>> rulesByHoldings = Caffeine.newBuilder().maximumSize(10_000).build();

	public RoleAndScopeAuthorizationInterceptor(AccessPolicy policy, DevicePatientLinks devicePatientLinks) {
		super(PolicyEnum.DENY);
		this.policy = policy;
		this.devicePatientLinks = devicePatientLinks;
	}

	/**
	 * The rules depend only on what a caller holds (roles, scopes, patient context, linked patients of a device), not
	 * on who it is nor on the request: callers holding the same share one immutable rule list, built once. The
	 * matrix is configuration, fixed at start-up; device links are read for each request, so a new link or an
	 * unlinked device takes effect at once.
	 */
	@Override
	public List<IAuthRule> buildRuleList(RequestDetails request) {
		Optional<AccessPrincipal> caller = RequestPrincipals.of(request);
		if (caller.isEmpty()) {
			return ANONYMOUS_RULES;
		}
		AccessPrincipal principal = caller.get();
		List<String> devicePatients = principal.has(Role.DEVICE) ? devicePatientLinks.patientsOf(principal) : List.of();
		RuleKey key = new RuleKey(principal.displayName(), principal.roles(), principal.scopes(), principal.scopesDeclared(),
				principal.patientContext(), devicePatients);
		return rulesByHoldings.get(key, unused -> rulesFor(principal, devicePatients));
	}

	/** What the rule list is a function of. */
	private record RuleKey(String displayName, Set<Role> roles, List<SmartScope> scopes, boolean scopesDeclared,
			Optional<String> patientContext, List<String> devicePatients) {}

	private List<IAuthRule> rulesFor(AccessPrincipal principal, List<String> devicePatients) {
		RuleBuilder rules = new RuleBuilder();
		rules.allow("capability statement").metadata().andThen();

		for (Map.Entry<String, Set<Permission>> shared : policy.matrix().everyoneResources().entrySet()) {
			addRules(rules, new ResourceGrant(shared.getKey(), shared.getValue(), null));
		}
		for (String operation : policy.matrix().everyoneOperations()) {
			rules.allow(operation).operation().named(operation).atAnyLevel().andAllowAllResponses().andThen();
		}

		boolean writes = false;
		List<ResourceGrant> grants = policy.grants(principal, devicePatients);
		for (ResourceGrant grant : grants) {
			if (grant.confined() && grant.patientCompartments().isEmpty()) {
				continue;
			}
			writes |= addRules(rules, grant);
		}
		for (String operation : policy.operations(principal)) {
			if (TYPE_LEVEL_OPERATIONS.contains(operation)) {
				rules.allow(operation).operation().named(operation).onServer().andAllowAllResponses().andThen();
				rules.allow(operation).operation().named(operation).onAnyType().andAllowAllResponses().andThen();
				// On a stored resource: only on the types the caller may read anywhere.
				for (ResourceGrant grant : grants) {
					if (!grant.confined() && grant.allows(Permission.READ)) {
						rules.allow(operation).operation().named(operation)
								.onInstancesOfType(FHIR.getResourceDefinition(grant.resourceType()).getImplementingClass())
								.andAllowAllResponses().andThen();
					}
				}
			} else if (COMPUTED_RESPONSE_OPERATIONS.contains(operation)) {
				rules.allow(operation).operation().named(operation).atAnyLevel().andAllowAllResponses().andThen();
			} else {
				rules.allow(operation).operation().named(operation).atAnyLevel().andRequireExplicitResponseAuthorization().andThen();
			}
		}
		if (policy.operations(principal).contains(BULK_EXPORT)) {
			// What a job may export is confined to the caller's grants by BulkExportAccess.
			rules.allow(BULK_EXPORT).bulkExport().any().andThen();
			rules.allow(BULK_EXPORT_STATUS).operation().named(BULK_EXPORT_STATUS).onServer().andAllowAllResponses().andThen();
		}
		if (writes) {
			rules.allow("transaction").transaction().withAnyOperation().andApplyNormalRules().andThen();
			rules.allow("patch").patch().allRequests().andThen();
		}
		return List.copyOf(rules.denyAll("not allowed for " + principal.displayName() + " (roles " + principal.roles() + ")").build());
	}

	/** Remembers what was refused, so that the 403 can say it (a transaction is refused entry by entry). */
	@Override
	public Verdict applyRulesAndReturnDecision(RestOperationTypeEnum operation, RequestDetails request,
			IBaseResource input, IIdType inputId, IBaseResource output, Pointcut pointcut) {
		Verdict verdict = super.applyRulesAndReturnDecision(operation, request, input, inputId, output, pointcut);
		if (verdict.getDecision() == PolicyEnum.DENY && request != null) {
			String type = resourceType(request, input, inputId, output);
			if (type != null || !(request.getUserData().get(REFUSAL) instanceof AccessRefusal)) {
				Set<Role> roles = RequestPrincipals.of(request).map(AccessPrincipal::roles).orElse(EnumSet.noneOf(Role.class));
				request.getUserData().put(REFUSAL, new AccessRefusal(roles, type,
						AccessRefusal.interaction(operation, request.getOperation()), entryExpression(request, input)));
			}
		}
		return verdict;
	}

	@Override
	protected void handleDeny(RequestDetails request, Verdict decision) {
		AccessRefusal refusal = request.getUserData().get(REFUSAL) instanceof AccessRefusal recorded
				? recorded
				: new AccessRefusal(RequestPrincipals.of(request).map(AccessPrincipal::roles).orElse(EnumSet.noneOf(Role.class)),
						request.getResourceName(), AccessRefusal.interaction(request.getRestOperationType(), request.getOperation()), null);
		throw new ForbiddenOperationException(refusal.message(), refusal.toOperationOutcome());
	}

	private static String resourceType(RequestDetails request, IBaseResource input, IIdType inputId, IBaseResource output) {
		if (input != null && !(input instanceof Bundle && request.getRestOperationType() == RestOperationTypeEnum.TRANSACTION)) {
			return input.fhirType();
		}
		if (inputId != null && inputId.hasResourceType()) {
			return inputId.getResourceType();
		}
		if (output != null) {
			return output.fhirType();
		}
		return input == null ? request.getResourceName() : null;
	}

	/** {@code Bundle.entry[i].resource} when the refused resource is an entry of the request's Bundle. */
	private static String entryExpression(RequestDetails request, IBaseResource input) {
		if (input != null && request.getResource() instanceof Bundle bundle && bundle != input) {
			List<Bundle.BundleEntryComponent> entries = bundle.getEntry();
			for (int i = 0; i < entries.size(); i++) {
				if (entries.get(i).getResource() == input) {
					return "Bundle.entry[" + i + "].resource";
				}
			}
		}
		return null;
	}

	private static boolean addRules(RuleBuilder rules, ResourceGrant grant) {
		String type = grant.resourceType();
		if (grant.allows(Permission.READ) || grant.allows(Permission.SEARCH)) {
			scope(rules.allow("read " + type).read().resourcesOfType(type), grant).andThen();
		}
		boolean create = grant.allows(Permission.CREATE);
		boolean update = grant.allows(Permission.UPDATE);
		if (update && !create) {
			scope(rules.deny("create " + type).create().resourcesOfType(type), grant).andThen();
		}
		if (update) {
			scope(rules.allow("write " + type).write().resourcesOfType(type), grant).andThen();
		} else if (create) {
			scope(rules.allow("create " + type).create().resourcesOfType(type), grant).andThen();
		}
		if (grant.allows(Permission.DELETE)) {
			scope(rules.allow("delete " + type).delete().resourcesOfType(type), grant).andThen();
		}
		return create || update || grant.allows(Permission.DELETE);
	}

	private static IAuthRuleBuilderRuleOpClassifierFinished scope(IAuthRuleBuilderRuleOpClassifier rule, ResourceGrant grant) {
		if (!grant.confined()) {
			return rule.withAnyId();
		}
		List<IdType> owners = grant.patientCompartments().stream().map(id -> new IdType("Patient", id)).toList();
		return rule.inCompartment("Patient", owners);
	}
}
