package fr.ccamhub.hl7.parse;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.util.idgenerator.NanoTimeGenerator;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import java.util.Set;

/**
 * Parses any accepted HL7 v2 version (2.3 to 2.8) into the v2.5 structures, leniently: field
 * validation is ours (the mappers say which field is missing or wrong), not HAPI's default rules,
 * which refuse common real-world messages.
 */
public final class Hl7Parser {

	/** Versions this server accepts (MSH-12, first component). */
	public static final Set<String> ACCEPTED_VERSIONS = Set.of("2.3", "2.3.1", "2.4", "2.5", "2.5.1", "2.6", "2.7", "2.7.1", "2.8", "2.8.1", "2.8.2");

	private final PipeParser parser;

	public Hl7Parser() {
		HapiContext context = new DefaultHapiContext();
		context.setModelClassFactory(new CanonicalModelClassFactory("2.5"));
		context.setValidationContext(ValidationContextFactory.noValidation());
		context.getParserConfiguration().setAllowUnknownVersions(true);
		// ACK control ids (MSH-10, 20 characters in v2.5): HAPI's default keeps a counter in a file
		// of the working directory; a nanosecond clock needs no file.
		context.getParserConfiguration().setIdGenerator(new NanoTimeGenerator());
		this.parser = context.getPipeParser();
	}

	public Message parse(String text) throws HL7Exception {
		return parser.parse(text);
	}

	public String encode(Message message) throws HL7Exception {
		return parser.encode(message);
	}
}
