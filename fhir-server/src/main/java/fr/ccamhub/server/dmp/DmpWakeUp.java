package fr.ccamhub.server.dmp;

/** Tells the delivery route that documents were queued (or put back), so that it does not wait for its timer. */
@FunctionalInterface
interface DmpWakeUp {

	void documentsQueued();
}
