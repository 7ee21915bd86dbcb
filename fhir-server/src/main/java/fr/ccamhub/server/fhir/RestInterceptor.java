package fr.ccamhub.server.fhir;

/**
 * An interceptor of REST requests (authorization, consent, access audit), registered on the FHIR
 * endpoint. Each concern declares its own as a bean; {@code order} sets their relative order.
 */
public record RestInterceptor(int order, Object interceptor) {}
