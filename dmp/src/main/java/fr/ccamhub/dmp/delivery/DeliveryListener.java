package fr.ccamhub.dmp.delivery;

/** Told of every dispatch: the audit trail, the DocumentReference's sharing record, the metrics. */
@FunctionalInterface
public interface DeliveryListener {

	void attempted(DeliveryAttempt attempt);
}
