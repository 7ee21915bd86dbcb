package fr.ccamhub.terminology.ccam;

import java.util.List;

/** A node of the CCAM tree: chapter (level 1) down to sub-paragraph (level 4), e.g. {@code 07.03.05}. */
public record CcamChapter(String code, int level, String label, String parentCode, List<CcamNote> notes) {

	public CcamChapter {
		notes = List.copyOf(notes);
	}

	public boolean isRoot() {
		return parentCode == null || parentCode.isEmpty();
	}
}
