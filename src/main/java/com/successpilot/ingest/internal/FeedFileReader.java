package com.successpilot.ingest.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import com.successpilot.ingest.FeedDefinition;
import com.successpilot.system.ColumnText;

/**
 * Reads every file of one feed's inbox, in name order, as {@link FeedRecord}s.
 * <p>
 * Restartable: the position (file and record within it) is saved with every chunk, and a
 * restart resumes there as long as the inbox still holds the same files; if an operator
 * changed or replaced a file, the feed is read again from the start (upserts make that
 * safe). Files are registered in the import ledger as they are opened.
 */
final class FeedFileReader implements ItemStreamReader<FeedRecord>, StepExecutionListener {

	private static final Log logger = LogFactory.getLog(FeedFileReader.class);

	static final String REJECT_SUFFIX = ".rejected.csv";

	private static final String INBOX_STATE = "feed.inbox";

	private static final String FILE_INDEX = "feed.fileIndex";

	private static final String RECORDS_READ = "feed.recordsRead";

	static final String LEDGER_IDS = "feed.ledgerIds";

	private final FeedDefinition feed;

	private final Path inbox;

	private final ImportLedger ledger;

	private long jobExecutionId;

	private List<Path> files = List.of();

	private String inboxState = "";

	private int fileIndex;

	private long recordsRead;

	private final List<Long> ledgerIds = new ArrayList<>();

	private CsvRecordReader csv;

	private ImportedFile current;

	private Map<String, Integer> fieldColumns = Map.of();

	private Map<String, Integer> metricColumns = Map.of();

	private int headerWidth;

	private final Set<String> optionalFields;

	private final FeedTarget target;

	private FeedFileCheck check;

	/**
	 * @param target what the rows become: its optional fields may be left out of a file's
	 * header (read as empty), so files written before a new optional column was mapped
	 * still import; its key finds rows of one file saying different things
	 */
	FeedFileReader(FeedDefinition feed, Path inbox, ImportLedger ledger, FeedTarget target) {
		this.feed = feed;
		this.inbox = inbox;
		this.ledger = ledger;
		this.target = target;
		this.optionalFields = target.optionalFieldNames();
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.jobExecutionId = stepExecution.getJobExecutionId();
	}

	@Override
	public void open(ExecutionContext context) {
		this.files = listInbox();
		reportUnmatched();
		if (this.files.isEmpty() && this.feed.required()) {
			throw new FeedFileException(this.feed.name() + ": no file in " + this.inbox + " matches '"
					+ this.feed.files() + "', and the feed is required (required: true)");
		}
		this.inboxState = describe(this.files);
		this.ledgerIds.clear();
		boolean resume = this.inboxState.equals(context.getString(INBOX_STATE, null));
		this.fileIndex = resume ? context.getInt(FILE_INDEX, 0) : 0;
		long skip = resume ? context.getLong(RECORDS_READ, 0L) : 0L;
		if (resume) {
			for (String id : context.getString(LEDGER_IDS, "").split(",")) {
				if (!id.isBlank()) {
					this.ledgerIds.add(Long.valueOf(id));
				}
			}
		}
		if (this.fileIndex < this.files.size()) {
			openFile(skip);
		}
	}

	@Override
	public FeedRecord read() throws Exception {
		while (this.csv != null) {
			CsvRecord record;
			try {
				record = this.csv.next();
			}
			catch (CsvRecordReader.CsvFormatException ex) {
				// the check found none: the file changed while it was read
				throw new FeedFileException(this.current.displayName() + " line " + ex.lineNumber() + ": "
						+ ex.getMessage() + " (the file changed while it was imported?)");
			}
			catch (CharacterCodingException ex) {
				throw notEncoded(firstUndecodableLine(this.current.path()));
			}
			if (record == null) {
				nextFile();
				continue;
			}
			this.recordsRead++;
			if (!record.isBlank()) {
				return toFeedRecord(record);
			}
		}
		return null;
	}

	@Override
	public void update(ExecutionContext context) {
		context.putString(INBOX_STATE, this.inboxState);
		context.putInt(FILE_INDEX, this.fileIndex);
		context.putLong(RECORDS_READ, this.recordsRead);
		context.putString(LEDGER_IDS, String.join(",", this.ledgerIds.stream().map(String::valueOf).toList()));
	}

	@Override
	public void close() {
		closeCurrent();
	}

	/**
	 * The ledger rows of the files this step has opened so far.
	 */
	List<Long> ledgerIds() {
		return List.copyOf(this.ledgerIds);
	}

	private FeedRecord toFeedRecord(CsvRecord record) {
		List<String> fields = record.fields();
		if (fields.size() != this.headerWidth) {
			return new FeedRecord(this.current, record.lineNumber(), raw(record), Map.of(), Map.of(),
					"expected " + this.headerWidth + " fields as in the header, found " + fields.size());
		}
		Map<String, String> values = new HashMap<>(this.fieldColumns.size() * 2);
		this.fieldColumns.forEach((field, index) -> values.put(field, fields.get(index).strip()));
		Map<String, String> metrics = new LinkedHashMap<>();
		this.metricColumns.forEach((metric, index) -> metrics.put(metric, fields.get(index).strip()));
		return new FeedRecord(this.current, record.lineNumber(), raw(record), values, metrics,
				this.check.conflict(record.lineNumber()), this.check.duplicateOf(record.lineNumber()));
	}

	private void nextFile() {
		closeCurrent();
		this.fileIndex++;
		if (this.fileIndex < this.files.size()) {
			openFile(0);
		}
	}

	private void openFile(long skip) {
		Path path = this.files.get(this.fileIndex);
		String fileName = path.getFileName().toString();
		long ledgerId = this.ledger.register(this.feed.name(), fileName, checksum(path), size(path),
				this.jobExecutionId, skip == 0);
		if (!this.ledgerIds.contains(ledgerId)) {
			this.ledgerIds.add(ledgerId);
		}
		this.current = new ImportedFile(ledgerId, this.feed.name(), path);
		try {
			this.csv = csv(path);
			if (!readHeader()) {
				skipEmpty("is empty");
				return;
			}
			this.check = FeedFileCheck.of(() -> {
				try {
					CsvRecordReader reader = csv(path);
					reader.next();
					return reader;
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}, this.headerWidth, keyColumns(), comparedColumns());
			if (this.check.dataRows() == 0) {
				skipEmpty("has a header but no rows");
				return;
			}
			for (long i = 0; i < skip; i++) {
				if (this.csv.next() == null) {
					break;
				}
			}
			this.recordsRead = skip;
		}
		catch (CsvRecordReader.CsvFormatException ex) {
			closeCurrent();
			throw new FeedFileException(this.current.displayName() + " line " + ex.lineNumber() + ": " + ex.getMessage()
					+ ". Nothing of the file was imported; fix it and run again.");
		}
		catch (CharacterCodingException ex) {
			closeCurrent();
			throw notEncoded(firstUndecodableLine(path));
		}
		catch (IOException | UncheckedIOException ex) {
			closeCurrent();
			throw new ItemStreamException("Cannot read " + this.current.displayName() + ": " + ex.getMessage(), ex);
		}
	}

	private CsvRecordReader csv(Path path) throws IOException {
		InputStream in = Files.newInputStream(path);
		return new CsvRecordReader(new BufferedReader(new InputStreamReader(in,
				this.feed.encoding()
					.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)),
				1 << 16), this.feed.delimiter());
	}

	/**
	 * A file without rows: a warning, the feed goes on with its next file (the finisher
	 * records it as EMPTY and archives it) — unless the feed is required.
	 */
	private void skipEmpty(String what) {
		if (this.feed.required()) {
			throw new FeedFileException(this.current.displayName() + " " + what
					+ ", and the feed is required (required: true): nothing was imported");
		}
		logger.warn(this.current.displayName() + " " + what + ": nothing to import, the feed goes on");
		nextFile();
	}

	private FeedFileException notEncoded(long line) {
		return new FeedFileException(this.current.displayName() + " is not valid " + this.feed.encoding()
				+ " text (line " + line + " is the first that is not); set the feed's encoding in batch-jobs/ "
				+ "(UTF-8 or Shift_JIS). Nothing of the file was imported.");
	}

	/**
	 * The decoder reads ahead in blocks, so the line it fails at is not the line at
	 * fault: decode line by line instead (a line feed byte is a line feed in UTF-8 and
	 * Shift_JIS alike).
	 */
	private long firstUndecodableLine(Path path) {
		var decoder = this.feed.encoding()
			.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(path))) {
			java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
			long number = 1;
			for (int b = in.read();; b = in.read()) {
				if (b == '\n' || b == -1) {
					try {
						decoder.reset().decode(java.nio.ByteBuffer.wrap(line.toByteArray()));
					}
					catch (CharacterCodingException ex) {
						return number;
					}
					if (b == -1) {
						return 1;
					}
					line.reset();
					number++;
				}
				else {
					line.write(b);
				}
			}
		}
		catch (IOException ex) {
			return 1;
		}
	}

	private Map<FieldSpec, Integer> keyColumns() {
		Map<FieldSpec, Integer> keys = new LinkedHashMap<>();
		for (String field : this.target.keyFieldNames()) {
			Integer index = this.fieldColumns.get(field);
			if (index == null) {
				return Map.of();
			}
			keys.put(this.target.fields()
				.stream()
				.filter((spec) -> spec.field().equals(field))
				.findFirst()
				.orElseThrow(), index);
		}
		return keys;
	}

	private int[] comparedColumns() {
		return java.util.stream.Stream.concat(this.fieldColumns.values().stream(), this.metricColumns.values().stream())
			.mapToInt(Integer::intValue)
			.toArray();
	}

	private static String raw(CsvRecord record) {
		return Excerpt.of(record.raw(), Excerpt.LINE);
	}

	/**
	 * @return {@code false} for a file without even a header
	 */
	private boolean readHeader() throws IOException {
		CsvRecord header = this.csv.next();
		while (header != null && header.isBlank()) {
			header = this.csv.next();
		}
		if (header == null) {
			return false;
		}
		Map<String, Integer> byName = new HashMap<>();
		List<String> repeated = new ArrayList<>();
		for (int i = 0; i < header.fields().size(); i++) {
			String name = header.fields().get(i).trim().toLowerCase(Locale.ROOT);
			if (byName.putIfAbsent(name, i) != null && isMapped(name)) {
				repeated.add(Excerpt.of(header.fields().get(i).trim()));
			}
		}
		if (!repeated.isEmpty()) {
			throw new FeedFileException(this.current.displayName() + ": the header names the column"
					+ ((repeated.size() > 1) ? "s " : " ") + repeated
					+ " more than once; which one holds the value is unclear. Nothing of the file was imported.");
		}
		this.headerWidth = header.fields().size();
		this.fieldColumns = new LinkedHashMap<>();
		for (Map.Entry<String, String> mapping : this.feed.columns().entrySet()) {
			Integer index = byName.get(mapping.getValue().trim().toLowerCase(Locale.ROOT));
			if (index == null && this.optionalFields.contains(mapping.getKey())) {
				continue;
			}
			if (index == null) {
				throw new FeedFileException(
						this.current.displayName() + ": the header has no column '" + mapping.getValue() + "' (field "
								+ mapping.getKey() + "); it has " + Excerpt.of(header.fields().toString()));
			}
			this.fieldColumns.put(mapping.getKey(), index);
		}
		this.metricColumns = new LinkedHashMap<>();
		for (String metric : this.feed.metrics()) {
			Integer index = byName.get(metric.toLowerCase(Locale.ROOT));
			if (index != null) {
				this.metricColumns.put(metric, index);
			}
		}
		return true;
	}

	private boolean isMapped(String lowerCaseHeader) {
		return this.feed.columns().values().stream().anyMatch((h) -> h.trim().equalsIgnoreCase(lowerCaseHeader))
				|| this.feed.metrics().stream().anyMatch((m) -> m.equalsIgnoreCase(lowerCaseHeader));
	}

	private void closeCurrent() {
		if (this.csv != null) {
			try {
				this.csv.close();
			}
			catch (IOException ex) {
				// nothing was written through this reader; closing quietly loses nothing
			}
			this.csv = null;
		}
	}

	private List<Path> listInbox() {
		PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + this.feed.files());
		return inboxFiles().stream().filter((path) -> matcher.matches(path.getFileName())).toList();
	}

	private List<Path> inboxFiles() {
		if (!Files.isDirectory(this.inbox)) {
			return List.of();
		}
		try (Stream<Path> entries = Files.list(this.inbox)) {
			return entries.filter(Files::isRegularFile)
				.filter((path) -> !path.getFileName().toString().endsWith(REJECT_SUFFIX))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list the inbox " + this.inbox, ex);
		}
	}

	/**
	 * Files in the feed's folder its glob does not match (a {@code .CSV} where
	 * {@code *.csv} is expected): not imported, but said on the run, every run, until
	 * someone renames or removes them.
	 */
	private void reportUnmatched() {
		PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + this.feed.files());
		PathMatcher anyCase = FileSystems.getDefault()
			.getPathMatcher("glob:" + this.feed.files().toLowerCase(Locale.ROOT));
		for (Path path : inboxFiles()) {
			if (matcher.matches(path.getFileName())) {
				continue;
			}
			String name = path.getFileName().toString();
			String note = "matches no feed: feed '" + this.feed.name() + "' reads files matching '" + this.feed.files()
					+ "' (names are case-sensitive)"
					+ (anyCase.matches(Path.of(name.toLowerCase(Locale.ROOT))) ? "; rename it to "
							+ Excerpt.of(name.toLowerCase(Locale.ROOT)) + " or widen the feed's files: glob" : "")
					+ ". It was not imported and stays in " + this.inbox;
			logger.warn(this.feed.name() + "/" + Excerpt.of(name) + " " + note);
			this.ledger.unmatched(this.feed.name(), ColumnText.fit(name, 255), checksum(path), size(path),
					this.jobExecutionId, note);
		}
	}

	private static String describe(List<Path> files) {
		StringBuilder state = new StringBuilder();
		for (Path file : files) {
			try {
				state.append(file.getFileName())
					.append(':')
					.append(Files.size(file))
					.append(':')
					.append(Files.getLastModifiedTime(file).toMillis())
					.append('\n');
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return state.toString();
	}

	private static long size(Path path) {
		try {
			return Files.size(path);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String checksum(Path path) {
		try (InputStream in = new DigestInputStream(Files.newInputStream(path), MessageDigest.getInstance("SHA-256"))) {
			byte[] buffer = new byte[1 << 16];
			while (in.read(buffer) != -1) {
				// reading feeds the digest
			}
			return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
