package fr.ccamhub.server.fhir;

/** A plain provider of FHIR operations, registered on the FHIR endpoint. Each concern declares its own as a bean. */
public record OperationProvider(Object provider) {}
