package fr.ccamhub.dmp.delivery;

import fr.ccamhub.dmp.bundle.SharedDocument;
import fr.ccamhub.dmp.outbox.OutboxItem;
import java.util.Optional;

/** Reads a queued document as it was queued (its version), with its content, patient and authors. */
@FunctionalInterface
public interface SharedDocumentSource {

	/** Empty when the document or its patient no longer exists. */
	Optional<SharedDocument> load(OutboxItem item);
}
