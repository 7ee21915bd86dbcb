package fr.ccamhub.interceptors.security;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.interceptor.auth.AuthorizationInterceptor;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRule;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRuleBuilderRuleOpClassifier;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRuleBuilderRuleOpClassifierFinished;
import ca.uhn.fhir.rest.server.interceptor.auth.PolicyEnum;
import ca.uhn.fhir.rest.server.interceptor.auth.RuleBuilder;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.IdType;

/**
 * HAPI authorization rules built per request from the caller's roles and SMART scopes
 * ({@link AccessPolicy}). Everything not granted is refused with 403. Custom operations are
 * granted by name per role, so a new operation is closed until the access matrix opens it.
 */
public class RoleAndScopeAuthorizationInterceptor extends AuthorizationInterceptor {

	private final DevicePatientLinks devicePatientLinks;

	public RoleAndScopeAuthorizationInterceptor(DevicePatientLinks devicePatientLinks) {
		super(PolicyEnum.DENY);
		this.devicePatientLinks = devicePatientLinks;
	}

	@Override
	public List<IAuthRule> buildRuleList(RequestDetails request) {
		Optional<AccessPrincipal> caller = RequestPrincipals.of(request);
		RuleBuilder rules = new RuleBuilder();
		rules.allow("capability statement").metadata().andThen();
		if (caller.isEmpty()) {
			return rules.denyAll("no authenticated caller").build();
		}
		AccessPrincipal principal = caller.get();

		for (String type : RoleGrants.SHARED_REFERENCE_TYPES) {
			rules.allow("read " + type).read().resourcesOfType(type).withAnyId().andThen();
		}
		for (String operation : RoleGrants.SHARED_OPERATIONS) {
			rules.allow(operation).operation().named(operation).atAnyLevel().andAllowAllResponses().andThen();
		}

		List<String> devicePatients = principal.has(Role.DEVICE) ? devicePatientLinks.patientsOf(principal) : List.of();
		boolean writes = false;
		for (ResourceGrant grant : AccessPolicy.grants(principal, devicePatients)) {
			if (grant.confined() && grant.patientCompartments().isEmpty()) {
				continue;
			}
			writes |= addRules(rules, grant);
		}
		for (String operation : AccessPolicy.operations(principal)) {
			if (RoleGrants.COMPUTED_RESPONSE_OPERATIONS.contains(operation)) {
				rules.allow(operation).operation().named(operation).atAnyLevel().andAllowAllResponses().andThen();
			} else {
				rules.allow(operation).operation().named(operation).atAnyLevel().andRequireExplicitResponseAuthorization().andThen();
			}
		}
		if (writes) {
			rules.allow("transaction").transaction().withAnyOperation().andApplyNormalRules().andThen();
			rules.allow("patch").patch().allRequests().andThen();
		}
		return rules.denyAll("not allowed for " + describe(principal)).build();
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

	private static String describe(AccessPrincipal principal) {
		return principal.displayName() + " (roles " + principal.roles() + ")";
	}
}
