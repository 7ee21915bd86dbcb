package fr.ccamhub.server;

import java.net.BindException;
import java.net.ConnectException;
import java.sql.SQLException;
import org.springframework.boot.web.server.PortInUseException;

/** Says in one line why the server did not start, and which setting to change. */
final class StartupFailure {

	private StartupFailure() {}

	static String describe(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof PortInUseException portInUse) {
				return "HTTP port " + portInUse.getPort() + " is already in use: set server.port to a free port";
			}
			if (cause instanceof StartupPreflight.StartupCheckFailed || cause.getClass().getSimpleName().equals("MllpStartException")) {
				return cause.getMessage();
			}
			if (cause instanceof IllegalStateException && cause.getMessage() != null && cause.getMessage().contains("ccamhub.")) {
				return cause.getMessage();
			}
		}
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException || cause instanceof ConnectException && isDatabase(failure)) {
				return "The database is unreachable (" + cause.getMessage() + "): check spring.datasource.url, "
						+ "spring.datasource.username and spring.datasource.password, or leave spring.datasource.url empty for the "
						+ "embedded PostgreSQL";
			}
			if (cause instanceof BindException) {
				return "A port is already in use (" + cause.getMessage() + "): check server.port and ccamhub.hl7.mllp.port";
			}
		}
		Throwable root = failure;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

	private static boolean isDatabase(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			String name = cause.getClass().getName();
			if (name.startsWith("org.postgresql") || name.startsWith("com.zaxxer.hikari")) {
				return true;
			}
		}
		return false;
	}
}
