package fr.ccamhub.server.backup;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The operator's command line: {@code backup --data-directory D --to FILE} while the server runs, and
 * {@code restore --from FILE --data-directory D} into a fresh data directory. The key comes from
 * {@code CCAMHUB_BACKUP_KEY}. Exit status 0 on success, 1 on failure (one line on stderr), 2 on bad usage.
 */
public final class BackupCli {

	static final String USAGE = """
			usage: backup  --data-directory DIR --to ARCHIVE [--postgres-directory DIR] [--key-store FILE]
			       restore --from ARCHIVE --data-directory DIR [--postgres-directory DIR] [--key-store FILE]
			The key is read from CCAMHUB_BACKUP_KEY (32 bytes in base64: openssl rand -base64 32).""";

	private BackupCli() {}

	public static void main(String[] args) {
		// Outside Spring, logback would print every library's DEBUG lines; the operator gets warnings and our summary.
		((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
				.setLevel(ch.qos.logback.classic.Level.WARN);
		System.exit(run(args, System.getenv(), System.out, System.err));
	}

	static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
		if (args.length == 0 || !List.of("backup", "restore").contains(args[0])) {
			err.println(USAGE);
			return 2;
		}
		Map<String, String> options = new HashMap<>();
		for (int i = 1; i < args.length; i += 2) {
			if (!args[i].startsWith("--") || i + 1 >= args.length) {
				err.println("Unexpected argument " + args[i] + "\n" + USAGE);
				return 2;
			}
			options.put(args[i].substring(2), args[i + 1]);
		}
		try {
			BackupKey key = BackupKey.fromEnvironment(environment);
			Path data = Path.of(required(options, "data-directory"));
			if (args[0].equals("backup")) {
				BackupCommand.Options defaults = BackupCommand.Options.under(data, Path.of(required(options, "to")));
				new BackupCommand(out).run(new BackupCommand.Options(
						path(options, "postgres-directory", defaults.postgresDirectory()),
						path(options, "key-store", defaults.keyStore()), defaults.archive()), key);
			} else {
				RestoreCommand.Options defaults = RestoreCommand.Options.under(Path.of(required(options, "from")), data);
				new RestoreCommand(out).run(new RestoreCommand.Options(defaults.archive(), data,
						path(options, "postgres-directory", defaults.postgresDirectory()),
						path(options, "key-store", defaults.keyStore())), key);
			}
			return 0;
		} catch (UsageException e) {
			err.println(e.getMessage() + "\n" + USAGE);
			return 2;
		} catch (IOException | RuntimeException e) {
			err.println(args[0] + " failed: " + e.getMessage());
			return 1;
		}
	}

	private static String required(Map<String, String> options, String name) throws UsageException {
		String value = options.get(name);
		if (value == null) {
			throw new UsageException("Missing --" + name);
		}
		return value;
	}

	private static Path path(Map<String, String> options, String name, Path fallback) {
		return options.containsKey(name) ? Path.of(options.get(name)) : fallback;
	}

	private static final class UsageException extends Exception {
		UsageException(String message) {
			super(message);
		}
	}
}
