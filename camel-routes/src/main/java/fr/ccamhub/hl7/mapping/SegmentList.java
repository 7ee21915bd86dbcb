package fr.ccamhub.hl7.mapping;

import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import fr.ccamhub.hl7.parse.Segments;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A message's segments in order, each with its occurrence number among segments of that name. */
final class SegmentList {

	record Located(Segment segment, String name, int occurrence) {}

	private final List<Located> segments = new ArrayList<>();

	SegmentList(Message message) {
		Map<String, Integer> counts = new HashMap<>();
		for (Segment segment : Segments.inOrder(message)) {
			String name = segment.getName();
			int occurrence = counts.merge(name, 1, Integer::sum);
			segments.add(new Located(segment, name, occurrence));
		}
	}

	List<Located> all() {
		return segments;
	}

	Optional<Located> first(String name) {
		return segments.stream().filter(s -> s.name().equals(name)).findFirst();
	}

	List<Located> named(String name) {
		return segments.stream().filter(s -> s.name().equals(name)).toList();
	}

	Located required(String name, String why) {
		return first(name).orElseThrow(() -> Hl7Rejection.error(Hl7Rejection.SEGMENT_SEQUENCE_ERROR, name, 1, 0, 0,
				"Required segment " + name + " is missing: " + why));
	}

	/** The NTE segments that directly follow a segment (its comments). */
	List<String> notesAfter(Located anchor) {
		List<String> notes = new ArrayList<>();
		int index = segments.indexOf(anchor);
		for (int i = index + 1; i < segments.size() && segments.get(i).name().equals("NTE"); i++) {
			String text = Fields.get(segments.get(i).segment(), 3);
			if (!text.isEmpty()) {
				notes.add(text);
			}
		}
		return notes;
	}
}
