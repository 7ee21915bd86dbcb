package fr.ccamhub.server.fhir;

/**
 * An interceptor of the storage layer (validation, immutability), registered on HAPI's
 * {@code IInterceptorService} so that it sees every write: REST, transactions, Camel routes.
 */
public record StorageInterceptor(Object interceptor) {}
