package fr.ccamhub.server.backup;

/** The key is right but the archive was altered, truncated or is not a ccamhub backup. */
public final class DamagedBackupException extends BackupException {

	public DamagedBackupException(String message) {
		super(message);
	}

	public DamagedBackupException(String message, Throwable cause) {
		super(message, cause);
	}
}
