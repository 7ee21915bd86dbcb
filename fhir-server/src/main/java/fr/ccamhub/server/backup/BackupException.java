package fr.ccamhub.server.backup;

import java.io.IOException;

/** A backup or a restore that cannot go on; the message says why and what to do, in one line. */
public class BackupException extends IOException {

	public BackupException(String message) {
		super(message);
	}

	public BackupException(String message, Throwable cause) {
		super(message, cause);
	}
}
