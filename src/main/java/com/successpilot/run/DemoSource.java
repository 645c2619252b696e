package com.successpilot.run;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.List;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.stereotype.Component;

import com.successpilot.ingest.FeedImportSteps;
import com.successpilot.ingest.ImportDefinition;
import com.successpilot.ingest.SourceSchemaLoad;
import com.successpilot.run.internal.ProgressPrinter;
import com.successpilot.system.CommandArguments;
import com.successpilot.system.NearestName;

/**
 * {@code demo --source=postgres}: the generated portfolio goes into a PostgreSQL schema,
 * and a {@code sourceImportJob} pulls every feed from there through the same import steps
 * a {@code source:} in {@code batch-jobs/} makes — before the nightly job judges it.
 */
@Component
class DemoSource {

	static final String FILES = "files";

	static final String POSTGRES = "postgres";

	static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

	private static final List<String> SOURCES = List.of(FILES, POSTGRES);

	private final SourceSchemaLoad schemaLoad;

	private final FeedImportSteps feedImportSteps;

	private final JobRepository jobRepository;

	private final RunLauncher launcher;

	private final RunSummary summary;

	private final RunProgress progress;

	DemoSource(SourceSchemaLoad schemaLoad, FeedImportSteps feedImportSteps, JobRepository jobRepository,
			RunLauncher launcher, RunSummary summary, RunProgress progress) {
		this.schemaLoad = schemaLoad;
		this.feedImportSteps = feedImportSteps;
		this.jobRepository = jobRepository;
		this.launcher = launcher;
		this.summary = summary;
		this.progress = progress;
	}

	/**
	 * The {@code --source} asked for: {@code files} (the default) or {@code postgres}.
	 */
	static String of(CommandArguments arguments) {
		String source = arguments.text("source", FILES);
		if (!SOURCES.contains(source)) {
			throw new IllegalArgumentException("--source must be one of " + SOURCES + ", not '" + source + "'"
					+ NearestName.suggestion(source, SOURCES));
		}
		return source;
	}

	/**
	 * Loads the inbox into PostgreSQL and pulls it from there, printing the pull's
	 * summary.
	 */
	JobExecution pullFromPostgres(CommandArguments arguments, ImportDefinition files, LocalDate date, PrintStream out)
			throws Exception {
		String url = arguments.text("source-url", DEFAULT_URL);
		SourceSchemaLoad.Loaded loaded = this.schemaLoad.load(files, url, arguments.text("source-user", "postgres"),
				date.atStartOfDay().plusMinutes(30));
		out.printf(
				"%nLoaded %,d rows into %d tables of schema %s at %s in %.1f s; pulling every feed from there "
						+ "(data source '%s') …%n",
				loaded.rows(), loaded.tables().size(), SourceSchemaLoad.SCHEMA, url.replaceFirst("\\?.*", ""),
				loaded.seconds(), SourceSchemaLoad.DATA_SOURCE);
		List<Step> steps = this.feedImportSteps.steps(loaded.definition());
		SimpleJobBuilder job = new JobBuilder("sourceImportJob", this.jobRepository).start(steps.get(0));
		steps.subList(1, steps.size()).forEach(job::next);
		JobExecution execution;
		try (ProgressPrinter printer = new ProgressPrinter(this.progress, out, RunCommand.PROGRESS_EVERY)) {
			execution = this.launcher.run(job.build(), date, true);
		}
		this.summary.print(execution, out);
		return execution;
	}

}
