package fr.ccamhub.interceptors.audit.access;

/** Where the records of reads and searches go: durably kept before the access is answered. */
@FunctionalInterface
public interface AccessRecordSink {

	void record(AccessRecord accessRecord);
}
