package fr.ccamhub.hl7.mllp;

import java.util.List;
import java.util.function.BiPredicate;

/**
 * Which sending applications/facilities (MSH-3/MSH-4) a listener accepts. Entries are {@code APP}
 * (any facility) or {@code APP|FACILITY}; an empty list accepts everyone.
 */
public final class SenderAllowList implements BiPredicate<String, String> {

	private final List<String> entries;

	public SenderAllowList(List<String> entries) {
		this.entries = List.copyOf(entries);
	}

	public boolean acceptsEveryone() {
		return entries.isEmpty();
	}

	@Override
	public boolean test(String application, String facility) {
		if (entries.isEmpty()) {
			return true;
		}
		for (String entry : entries) {
			String[] parts = entry.split("\\|", 2);
			if (parts[0].trim().equals(application) && (parts.length == 1 || parts[1].trim().equals(facility))) {
				return true;
			}
		}
		return false;
	}
}
