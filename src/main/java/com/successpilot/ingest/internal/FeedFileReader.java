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

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import com.successpilot.ingest.FeedDefinition;

/**
 * Reads every file of one feed's inbox, in name order, as {@link FeedRecord}s.
 * <p>
 * Restartable: the position (file and record within it) is saved with every chunk, and a
 * restart resumes there as long as the inbox still holds the same files; if an operator
 * changed or replaced a file, the feed is read again from the start (upserts make that
 * safe). Files are registered in the import ledger as they are opened.
 */
final class FeedFileReader implements ItemStreamReader<FeedRecord>, StepExecutionListener {

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

	FeedFileReader(FeedDefinition feed, Path inbox, ImportLedger ledger) {
		this(feed, inbox, ledger, Set.of());
	}

	/**
	 * @param optionalFields fields a file may leave out of its header (read as empty), so
	 * files written before a new optional column was mapped still import
	 */
	FeedFileReader(FeedDefinition feed, Path inbox, ImportLedger ledger, Set<String> optionalFields) {
		this.feed = feed;
		this.inbox = inbox;
		this.ledger = ledger;
		this.optionalFields = Set.copyOf(optionalFields);
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.jobExecutionId = stepExecution.getJobExecutionId();
	}

	@Override
	public void open(ExecutionContext context) {
		this.files = listInbox();
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
				this.recordsRead++;
				FeedRecord broken = new FeedRecord(this.current, ex.lineNumber(), ex.raw(), Map.of(), Map.of(),
						"a quoted field is never closed");
				nextFile();
				return broken;
			}
			catch (CharacterCodingException ex) {
				throw new FeedFileException(this.current.displayName() + " is not valid " + this.feed.encoding()
						+ " text; set the feed's encoding in batch-jobs/ (UTF-8 or Shift_JIS)");
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
			return new FeedRecord(this.current, record.lineNumber(), record.raw(), Map.of(), Map.of(),
					"expected " + this.headerWidth + " fields as in the header, found " + fields.size());
		}
		Map<String, String> values = new HashMap<>(this.fieldColumns.size() * 2);
		this.fieldColumns.forEach((field, index) -> values.put(field, fields.get(index).trim()));
		Map<String, String> metrics = new LinkedHashMap<>();
		this.metricColumns.forEach((metric, index) -> metrics.put(metric, fields.get(index).trim()));
		return new FeedRecord(this.current, record.lineNumber(), record.raw(), values, metrics, null);
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
			InputStream in = Files.newInputStream(path);
			this.csv = new CsvRecordReader(new BufferedReader(new InputStreamReader(in,
					this.feed.encoding()
						.newDecoder()
						.onMalformedInput(CodingErrorAction.REPORT)
						.onUnmappableCharacter(CodingErrorAction.REPORT)),
					1 << 16), this.feed.delimiter());
			readHeader();
			for (long i = 0; i < skip; i++) {
				if (this.csv.next() == null) {
					break;
				}
			}
			this.recordsRead = skip;
		}
		catch (CharacterCodingException ex) {
			throw new FeedFileException(this.current.displayName() + " is not valid " + this.feed.encoding()
					+ " text; set the feed's encoding in batch-jobs/ (UTF-8 or Shift_JIS)");
		}
		catch (IOException ex) {
			throw new ItemStreamException("Cannot read " + this.current.displayName() + ": " + ex.getMessage(), ex);
		}
	}

	private void readHeader() throws IOException {
		CsvRecord header = this.csv.next();
		if (header == null) {
			throw new FeedFileException(this.current.displayName() + " is empty: the first line must be a header");
		}
		Map<String, Integer> byName = new HashMap<>();
		for (int i = 0; i < header.fields().size(); i++) {
			byName.put(header.fields().get(i).trim().toLowerCase(Locale.ROOT), i);
		}
		this.headerWidth = header.fields().size();
		this.fieldColumns = new LinkedHashMap<>();
		for (Map.Entry<String, String> mapping : this.feed.columns().entrySet()) {
			Integer index = byName.get(mapping.getValue().trim().toLowerCase(Locale.ROOT));
			if (index == null && this.optionalFields.contains(mapping.getKey())) {
				continue;
			}
			if (index == null) {
				throw new FeedFileException(this.current.displayName() + ": the header has no column '"
						+ mapping.getValue() + "' (field " + mapping.getKey() + "); it has " + header.fields());
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
		if (!Files.isDirectory(this.inbox)) {
			return List.of();
		}
		PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + this.feed.files());
		try (Stream<Path> entries = Files.list(this.inbox)) {
			return entries.filter(Files::isRegularFile)
				.filter((path) -> matcher.matches(path.getFileName()))
				.filter((path) -> !path.getFileName().toString().endsWith(REJECT_SUFFIX))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list the inbox " + this.inbox, ex);
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
