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

	public static Set<Permission> all() {
		return EnumSet.allOf(Permission.class);
	}

	public static Set<Permission> of(String letters) {
		return fromLetters(letters);
	}
}
