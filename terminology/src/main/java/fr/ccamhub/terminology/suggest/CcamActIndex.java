package fr.ccamhub.terminology.suggest;

import fr.ccamhub.terminology.ccam.CcamAct;
import fr.ccamhub.terminology.ccam.CcamChapter;
import fr.ccamhub.terminology.ccam.CcamNote;
import fr.ccamhub.terminology.ccam.CcamRelease;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * An in-memory Lucene index of the acts of one CCAM release: label, place in the tree and
 * descriptive notes, analysed as French. Built once at start-up (8,000 acts, about a second).
 */
public final class CcamActIndex {

	static final String CODE = "code";
	static final String LABEL = "label";
	static final String PATH = "path";
	static final String NOTES = "notes";

	private static final float PATH_BOOST = 0.3f;
	private static final float NOTES_BOOST = 0.1f;
	/** Broader terms (genou → membre inférieur) weigh this much of the note's own words. */
	static final float BROADER_BOOST = 0.35f;

	private final IndexSearcher searcher;
	private final Map<String, ActProfile> profiles;
	private final Stems stems;

	private CcamActIndex(IndexSearcher searcher, Map<String, ActProfile> profiles, Stems stems) {
		this.searcher = searcher;
		this.profiles = profiles;
		this.stems = stems;
	}

	public static CcamActIndex build(CcamRelease release, FrenchClinicalAnalyzer analyzer) {
		Stems stems = new Stems(analyzer);
		Map<String, ActProfile> profiles = new HashMap<>();
		ByteBuffersDirectory directory = new ByteBuffersDirectory();
		try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
			for (CcamAct act : release.acts()) {
				List<CcamChapter> ancestors = ancestors(release, act.chapterCode());
				String path = String.join(" ; ", ancestors.stream().map(CcamChapter::label).toList());
				String notes = String.join(" ", act.notes().stream()
						.filter(note -> note.kind() == CcamNote.NoteKind.INCLUDES
								|| note.kind() == CcamNote.NoteKind.WITH_OR_WITHOUT
								|| note.kind() == CcamNote.NoteKind.OTHER)
						.map(CcamNote::text)
						.toList());
				Document document = new Document();
				document.add(new StringField(CODE, act.code(), Field.Store.YES));
				document.add(new TextField(LABEL, act.label(), Field.Store.NO));
				document.add(new TextField(PATH, path, Field.Store.NO));
				document.add(new TextField(NOTES, notes, Field.Store.NO));
				writer.addDocument(document);
				profiles.put(act.code(), profile(act, ancestors, stems));
			}
		} catch (IOException e) {
			throw new UncheckedIOException("Cannot build the CCAM suggestion index", e);
		}
		try {
			return new CcamActIndex(new IndexSearcher(DirectoryReader.open(directory)), Map.copyOf(profiles), stems);
		} catch (IOException e) {
			throw new UncheckedIOException("Cannot open the CCAM suggestion index", e);
		}
	}

	private static ActProfile profile(CcamAct act, List<CcamChapter> ancestors, Stems stems) {
		String folded = TextNormalizer.fold(act.label());
		StringBuilder path = new StringBuilder();
		ancestors.forEach(chapter -> path.append(chapter.label()).append(' '));
		String chapterLabel = ancestors.isEmpty() ? "" : ancestors.get(ancestors.size() - 1).label();
		List<String> labelStems = stems.list(act.label());
		return new ActProfile(act, folded, new java.util.LinkedHashSet<>(labelStems), stems.set(path.toString()),
				Approach.inLabel(folded), Laterality.inLabel(folded), Qualifiers.ofLabel(folded, stems), chapterLabel,
				labelStems.isEmpty() ? "" : labelStems.get(0), act.chapterCode().startsWith("19"),
				folded.startsWith("examen anatomopathologique") || folded.startsWith("examen cytopathologique"),
				Counts.ofLabel(folded), Extents.ofLabel(folded), AgeBands.ofLabel(folded));
	}

	/** The chapter of an act and its parents, from the chapter (level 1) down. */
	private static List<CcamChapter> ancestors(CcamRelease release, String chapterCode) {
		List<CcamChapter> chain = new ArrayList<>();
		CcamChapter chapter = release.chapter(chapterCode).orElse(null);
		while (chapter != null) {
			chain.add(0, chapter);
			chapter = chapter.isRoot() ? null : release.chapter(chapter.parentCode()).orElse(null);
		}
		return chain;
	}

	public Stems stems() {
		return stems;
	}

	public ActProfile profile(String code) {
		return profiles.get(code);
	}

	/** The acts whose label, tree path or notes share stems with the query (broader terms weigh less), best BM25 first. */
	public List<Hit> search(Collection<String> queryStems, Collection<String> broaderStems, int limit) {
		if (queryStems.isEmpty() && broaderStems.isEmpty()) {
			return List.of();
		}
		BooleanQuery.Builder query = new BooleanQuery.Builder();
		addTerms(query, queryStems, 1f);
		addTerms(query, broaderStems, BROADER_BOOST);
		try {
			List<Hit> hits = new ArrayList<>();
			for (ScoreDoc doc : searcher.search(query.build(), limit).scoreDocs) {
				String code = searcher.storedFields().document(doc.doc).get(CODE);
				hits.add(new Hit(profiles.get(code), doc.score));
			}
			return hits;
		} catch (IOException e) {
			throw new UncheckedIOException("CCAM suggestion search failed", e);
		}
	}

	private static void addTerms(BooleanQuery.Builder query, Collection<String> stems, float boost) {
		for (String stem : stems) {
			query.add(new BoostQuery(new TermQuery(new Term(LABEL, stem)), boost), BooleanClause.Occur.SHOULD);
			query.add(new BoostQuery(new TermQuery(new Term(PATH, stem)), PATH_BOOST * boost), BooleanClause.Occur.SHOULD);
			query.add(new BoostQuery(new TermQuery(new Term(NOTES, stem)), NOTES_BOOST * boost), BooleanClause.Occur.SHOULD);
		}
	}

	/** One act retrieved, with its lexical score. */
	public record Hit(ActProfile profile, float score) {
	}
}
