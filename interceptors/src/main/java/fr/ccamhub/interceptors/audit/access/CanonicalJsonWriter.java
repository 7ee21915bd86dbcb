package fr.ccamhub.interceptors.audit.access;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Writes a tree of sorted maps, lists, strings and booleans as RFC 8785 (JCS) canonical JSON: members in UTF-16 code
 * unit order (what a {@link SortedMap} of strings gives), no white space, strings escaped as ECMAScript's
 * {@code JSON.stringify} does. Absent values, empty objects and empty arrays are left out, as FHIR JSON requires.
 * Numbers are not supported: nothing written here needs them.
 */
final class CanonicalJsonWriter {

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private CanonicalJsonWriter() {}

	static String write(SortedMap<String, Object> object) {
		StringBuilder out = new StringBuilder(1024);
		writeValue(object, out);
		return out.toString();
	}

	static boolean isEmpty(Object value) {
		return value == null
				|| value instanceof Map<?, ?> map && map.values().stream().allMatch(CanonicalJsonWriter::isEmpty)
				|| value instanceof List<?> list && list.stream().allMatch(CanonicalJsonWriter::isEmpty);
	}

	private static void writeValue(Object value, StringBuilder out) {
		if (value instanceof String text) {
			writeString(text, out);
		} else if (value instanceof Boolean flag) {
			out.append(flag.booleanValue());
		} else if (value instanceof Map<?, ?> map) {
			out.append('{');
			boolean first = true;
			for (Map.Entry<?, ?> member : map.entrySet()) {
				if (isEmpty(member.getValue())) {
					continue;
				}
				if (!first) {
					out.append(',');
				}
				first = false;
				writeString((String) member.getKey(), out);
				out.append(':');
				writeValue(member.getValue(), out);
			}
			out.append('}');
		} else if (value instanceof List<?> list) {
			out.append('[');
			boolean first = true;
			for (Object item : list) {
				if (isEmpty(item)) {
					continue;
				}
				if (!first) {
					out.append(',');
				}
				first = false;
				writeValue(item, out);
			}
			out.append(']');
		} else {
			throw new IllegalArgumentException("not writable as canonical JSON: " + value.getClass().getName());
		}
	}

	private static void writeString(String text, StringBuilder out) {
		out.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\b' -> out.append("\\b");
				case '\f' -> out.append("\\f");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20) {
						out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
					} else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}
}
