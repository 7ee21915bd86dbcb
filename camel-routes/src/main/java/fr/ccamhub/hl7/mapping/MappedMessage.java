package fr.ccamhub.hl7.mapping;

import org.hl7.fhir.r4.model.Bundle;

/** An accepted message ready to store: the FHIR transaction and a one-line summary for logs. */
public record MappedMessage(MessageContext context, Bundle transaction, String summary) {}
