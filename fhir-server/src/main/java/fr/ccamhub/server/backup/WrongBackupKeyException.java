package fr.ccamhub.server.backup;

/** The archive was made with another key than the one given: nothing of it can be read. */
public final class WrongBackupKeyException extends BackupException {

	public WrongBackupKeyException(String message) {
		super(message);
	}
}
