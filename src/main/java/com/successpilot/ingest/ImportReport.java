package com.successpilot.ingest;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the import ledger says about the files a run touched, for run summaries.
 */
@Component
public class ImportReport {

	private final NamedParameterJdbcTemplate jdbc;

	private final ImportDefinition definition;

	ImportReport(NamedParameterJdbcTemplate jdbc, ImportDefinition definition) {
		this.jdbc = jdbc;
		this.definition = definition;
	}

	/**
	 * The files imported (or not) by the given job executions, in import order. A file
	 * fixed after a failed attempt counts once, as the later attempt left it; two
	 * versions that were both imported both count.
	 */
	public List<FeedFileReport> files(Collection<Long> jobExecutionIds, LocalDate businessDate) {
		if (jobExecutionIds.isEmpty()) {
			return List.of();
		}
		Map<String, FeedFileReport> files = new LinkedHashMap<>();
		for (FeedFileReport file : versions(jobExecutionIds, businessDate)) {
			String name = file.feed() + "/" + file.fileName();
			FeedFileReport earlier = files.get(name);
			if (earlier != null && earlier.wasImported()) {
				name = name + "#" + files.size();
			}
			files.put(name, file);
		}
		return List.copyOf(files.values());
	}

	private List<FeedFileReport> versions(Collection<Long> jobExecutionIds, LocalDate businessDate) {
		return this.jdbc.query(
				"SELECT feed, file_name, status, rows_read, rows_imported, rows_rejected, failure "
						+ "FROM import_files WHERE job_execution_id IN (:ids) ORDER BY id",
				new MapSqlParameterSource("ids", jobExecutionIds), (rs, row) -> {
					String feed = rs.getString("feed");
					String status = rs.getString("status");
					long rejected = rs.getLong("rows_rejected");
					String fileName = rs.getString("file_name");
					Path folder = ("IMPORTED".equals(status) || "EMPTY".equals(status))
							? this.definition.archive().resolve(feed).resolve(businessDate.toString())
							: this.definition.inbox().resolve(feed);
					Path rejectFile = (rejected > 0) ? folder.resolve(fileName + ".rejected.csv") : null;
					return new FeedFileReport(feed, fileName, status, rs.getLong("rows_read"),
							rs.getLong("rows_imported"), rejected, rs.getString("failure"), rejectFile);
				});
	}

	/**
	 * One feed file as a run left it.
	 *
	 * @param status IMPORTING, IMPORTED, TOO_MANY_REJECTED, FAILED, EMPTY (no rows: a
	 * warning) or UNMATCHED (in an inbox folder, read by no feed)
	 * @param failure why it failed, or for a file that imported what to look at (rows
	 * warned about, exact repeats), or {@code null}
	 * @param rejectFile where the rejected rows are listed, or {@code null} when none
	 * were
	 */
	public record FeedFileReport(String feed, String fileName, String status, long read, long imported, long rejected,
			String failure, Path rejectFile) {

		boolean wasImported() {
			return "IMPORTED".equals(this.status) || "EMPTY".equals(this.status);
		}

	}

}
