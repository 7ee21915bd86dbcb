package fr.ccamhub.server.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The request, left in the data directory by a restore, that the next server start rebuild the Lucene index from
 * the database: the index is not in backups (it is derived data, and a copy taken while it is written is not
 * consistent).
 */
public final class SearchIndexRebuild {

	/** File name of the request, in {@code ccamhub.data-directory}. */
	public static final String MARKER = "search-index-rebuild-required";

	private SearchIndexRebuild() {}

	static void request(Path dataDirectory, BackupManifest manifest) throws IOException {
		Files.writeString(dataDirectory.resolve(MARKER), "Restored from a backup taken " + manifest.createdAt()
				+ "; the server rebuilds the search index at its next start and removes this file.\n", StandardCharsets.UTF_8);
	}

	/** Whether a rebuild is due in this data directory. */
	public static boolean requested(Path dataDirectory) {
		return Files.isRegularFile(dataDirectory.resolve(MARKER));
	}

	/** Marks the rebuild done. */
	public static void done(Path dataDirectory) throws IOException {
		Files.deleteIfExists(dataDirectory.resolve(MARKER));
	}
}
