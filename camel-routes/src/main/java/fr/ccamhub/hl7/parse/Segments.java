package fr.ccamhub.hl7.parse;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Group;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.Structure;
import java.util.ArrayList;
import java.util.List;

/** The segments of a parsed message in wire order, whatever group structure HAPI put them in. */
public final class Segments {

	private Segments() {}

	public static List<Segment> inOrder(Group message) {
		List<Segment> segments = new ArrayList<>();
		collect(message, segments);
		return segments;
	}

	private static void collect(Group group, List<Segment> into) {
		try {
			for (String name : group.getNames()) {
				for (Structure structure : group.getAll(name)) {
					if (structure instanceof Segment segment) {
						if (!segment.isEmpty()) {
							into.add(segment);
						}
					} else if (structure instanceof Group child) {
						collect(child, into);
					}
				}
			}
		} catch (HL7Exception e) {
			throw new IllegalStateException("Cannot walk HL7 structure " + group.getName(), e);
		}
	}
}
