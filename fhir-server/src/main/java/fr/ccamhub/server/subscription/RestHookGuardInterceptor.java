package fr.ccamhub.server.subscription;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.subscription.model.CanonicalSubscription;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the {@link RestHookPolicy} on HAPI's storage layer: a Subscription it refuses is a 422
 * on every write path (REST, transactions, internal writes), and a stored one it no longer allows
 * is not delivered.
 */
@Interceptor
public class RestHookGuardInterceptor {

	private static final Logger log = LoggerFactory.getLogger(RestHookGuardInterceptor.class);

	private final FhirContext fhirContext;
	private final RestHookPolicy policy;

	public RestHookGuardInterceptor(FhirContext fhirContext, RestHookPolicy policy) {
		this.fhirContext = fhirContext;
		this.policy = policy;
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
	public void checkCreated(IBaseResource resource) {
		check(resource);
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
	public void checkUpdated(IBaseResource previous, IBaseResource updated) {
		check(updated);
	}

	@Hook(Pointcut.SUBSCRIPTION_BEFORE_REST_HOOK_DELIVERY)
	public boolean allowDelivery(CanonicalSubscription subscription) {
		if (policy.allowsDelivery(subscription)) {
			return true;
		}
		log.warn("Not delivering rest-hook Subscription/{} to {}: its endpoint or payload is not allowed any more ({}, {})",
				subscription.getIdPart(), subscription.getEndpointUrl(), EndpointAllowList.KEY, RestHookPolicy.PAYLOAD_KEY);
		return false;
	}

	private void check(IBaseResource resource) {
		if (!(resource instanceof Subscription subscription)) {
			return;
		}
		policy.refusal(subscription).ifPresent(refusal -> {
			OperationOutcome outcome = new OperationOutcome();
			outcome.addIssue()
					.setSeverity(OperationOutcome.IssueSeverity.ERROR)
					.setCode(OperationOutcome.IssueType.BUSINESSRULE)
					.setDiagnostics(refusal.expression() + ": " + refusal.reason())
					.addExpression(refusal.expression());
			throw new UnprocessableEntityException(fhirContext, outcome);
		});
	}
}
