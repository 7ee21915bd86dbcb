package fr.ccamhub.interceptors.security;

import java.util.EnumSet;
import java.util.Set;

/** SMART on FHIR v2 interaction letters: create, read, update, delete, search. */
public enum Permission {
	CREATE('c'),
	READ('r'),
	UPDATE('u'),
	DELETE('d'),
	SEARCH('s');

	private final char letter;

	Permission(char letter) {
		this.letter = letter;
	}

	public char letter() {
		return letter;
	}

	/** Parses {@code cruds}-style letters; the letters must keep SMART's order. */
	static Set<Permission> fromLetters(String letters) {
		EnumSet<Permission> permissions = EnumSet.noneOf(Permission.class);
		int last = -1;
		for (char c : letters.toCharArray()) {
			Permission permission = fromLetter(c);
			if (permission == null || permission.ordinal() <= last) {
				return EnumSet.noneOf(Permission.class);
			}
			last = permission.ordinal();
			permissions.add(permission);
		}
		return permissions;
	}

	private static Permission fromLetter(char c) {
		for (Permission permission : values()) {
			if (permission.letter == c) {
				return permission;
			}
		}
		return null;
	}

	/**
	 * Parses the letters of a configured grant ({@code cruds}, {@code rs}, {@code c}); empty or
	 * {@code none} grants nothing. Unlike scopes from tokens, a wrong grant is an error.
	 */
	public static Set<Permission> parseGrant(String letters) {
		String trimmed = letters == null ? "" : letters.trim();
		if (trimmed.isEmpty() || "none".equalsIgnoreCase(trimmed)) {
			return EnumSet.noneOf(Permission.class);
		}
		Set<Permission> permissions = fromLetters(trimmed);
		if (permissions.isEmpty()) {
			throw new IllegalArgumentException("'" + letters + "' is not a grant: use the letters c, r, u, d, s in that order"
					+ " (e.g. cruds, rs, c) or none");
		}
		return permissions;
	}

	/** The letters of these permissions in SMART's order, e.g. {@code crus}. */
	public static String letters(Set<Permission> permissions) {
		StringBuilder letters = new StringBuilder();
		for (Permission permission : values()) {
			if (permissions.contains(permission)) {
				letters.append(permission.letter);
			}
		}
		return letters.toString();
	}

	public static Set<Permission> all() {
		return EnumSet.allOf(Permission.class);
	}

	public static Set<Permission> of(String letters) {
		return fromLetters(letters);
	}
}
