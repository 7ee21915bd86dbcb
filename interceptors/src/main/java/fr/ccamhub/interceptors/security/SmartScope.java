package fr.ccamhub.interceptors.security;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One SMART on FHIR resource scope, e.g. {@code patient/Observation.rs}, {@code user/*.cruds},
 * {@code system/Procedure.read} (v1 {@code read}/{@code write}/{@code *} are read as v2 letters).
 * A v2 query suffix ({@code ?category=...}) is not supported and makes the scope grant nothing,
 * so that a narrower grant is never widened.
 */
public record SmartScope(Context context, String resourceType, Set<Permission> permissions) {

	/** Whose data the scope reaches: the launch patient's, the user's, or the whole system's. */
	public enum Context {
		PATIENT,
		USER,
		SYSTEM
	}

	private static final Pattern SCOPE = Pattern.compile("(patient|user|system)/([A-Za-z]+|\\*)\\.([a-z*]+)");

	public SmartScope {
		permissions = permissions.isEmpty() ? EnumSet.noneOf(Permission.class) : EnumSet.copyOf(permissions);
	}

	/** The scope this token string denotes, or empty when it is not a SMART resource scope. */
	public static Optional<SmartScope> parse(String scope) {
		Matcher matcher = SCOPE.matcher(scope.trim());
		if (!matcher.matches()) {
			return Optional.empty();
		}
		Set<Permission> permissions = switch (matcher.group(3)) {
			case "read" -> EnumSet.of(Permission.READ, Permission.SEARCH);
			case "write" -> EnumSet.of(Permission.CREATE, Permission.UPDATE, Permission.DELETE);
			case "*" -> Permission.all();
			default -> Permission.fromLetters(matcher.group(3));
		};
		if (permissions.isEmpty()) {
			return Optional.empty();
		}
		Context context = Context.valueOf(matcher.group(1).toUpperCase(java.util.Locale.ROOT));
		return Optional.of(new SmartScope(context, matcher.group(2), permissions));
	}

	/** Whether a string looks like a SMART resource scope at all (even one we refuse to honour). */
	public static boolean looksLikeResourceScope(String scope) {
		return scope.startsWith("patient/") || scope.startsWith("user/") || scope.startsWith("system/");
	}

	public boolean covers(String type, Permission permission) {
		return ("*".equals(resourceType) || resourceType.equals(type)) && permissions.contains(permission);
	}
}
