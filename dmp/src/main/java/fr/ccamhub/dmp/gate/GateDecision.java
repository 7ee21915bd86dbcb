package fr.ccamhub.dmp.gate;

import java.util.Objects;
import java.util.Optional;

/** What the sharing gate decided for one document: send it, or hold it for a reason a human can read. */
public record GateDecision(Optional<HoldReason> reason, String text) {

	public GateDecision {
		Objects.requireNonNull(reason, "reason");
		Objects.requireNonNull(text, "text");
	}

	public static GateDecision send() {
		return new GateDecision(Optional.empty(), "");
	}

	public static GateDecision hold(HoldReason reason, Object... details) {
		return new GateDecision(Optional.of(reason), reason.describe(details));
	}

	public boolean allowsSending() {
		return reason.isEmpty();
	}
}
