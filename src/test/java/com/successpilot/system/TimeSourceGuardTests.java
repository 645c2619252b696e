package com.successpilot.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Time has one source: the {@link java.time.Clock} bean ({@code ClockConfiguration}),
 * injected wherever "now" or "today" is needed, so that a test moves time rather than
 * waiting for it. This reads the sources: the application reads the system clock nowhere
 * else (durations with {@link System#nanoTime()} are fine), its SQL asks the database for
 * no time of its own, and no test sleeps.
 */
class TimeSourceGuardTests {

	private static final Path MAIN = Path.of("src", "main", "java");

	private static final Path TEST = Path.of("src", "test", "java");

	/** A read of the system clock in Java code. */
	private static final Pattern SYSTEM_TIME = Pattern.compile("\\b(?:LocalDate|LocalDateTime|LocalTime|Instant"
			+ "|OffsetDateTime|OffsetTime|ZonedDateTime|Year|YearMonth|MonthDay)\\s*\\.\\s*now\\s*\\((?![^()]*[cC]lock)"
			+ "|\\bSystem\\s*\\.\\s*currentTimeMillis\\s*\\(|\\bClock\\s*\\.\\s*system\\w*\\s*\\("
			+ "|\\bnew\\s+(?:java\\.util\\.)?(?:Date|GregorianCalendar)\\s*\\(\\s*\\)|\\bCalendar\\s*\\.\\s*getInstance\\s*\\(");

	/** The database's own time, in SQL text. */
	private static final Pattern DATABASE_TIME = Pattern.compile(
			"(?i)\\b(?:CURRENT_TIMESTAMP|CURRENT_DATE|CURRENT_TIME|LOCALTIMESTAMP|LOCALTIME|SYSDATE|CURDATE|CURTIME"
					+ "|UTC_TIMESTAMP|UTC_DATE|UNIX_TIMESTAMP)\\b|\\bNOW\\s*\\(");

	/**
	 * A thread put to sleep (Thread's or TimeUnit's method, imported statically or not).
	 */
	private static final Pattern SLEEP = Pattern.compile("\\bsleep\\s*\\(");

	/**
	 * The only direct reads of the system clock, by source file name, and why.
	 */
	private static final Map<String, Set<String>> ALLOWED = Map.of(
			// the clock bean itself
			"ClockConfiguration.java", Set.of("Clock.systemDefaultZone("),
			// a running step's time so far, against Spring Batch's own start time, which
			// Batch takes from the system clock (the job repository's timestamps are the
			// framework's)
			"StepProgress.java", Set.of("LocalDateTime.now("));

	@Test
	void theApplicationReadsTheTimeOnlyFromTheClockBean() {
		List<String> found = new ArrayList<>();
		List<Path> sources = javaFiles(MAIN);
		assertThat(sources).isNotEmpty();
		for (Path source : sources) {
			JavaText text = JavaText.read(source);
			Set<String> allowed = ALLOWED.getOrDefault(source.getFileName().toString(), Set.of());
			for (Finding finding : text.find(SYSTEM_TIME, text.code())) {
				if (!allowed.contains(finding.text().replaceAll("\\s", ""))) {
					found.add(MAIN.relativize(source) + ":" + finding.line() + ": " + finding.text());
				}
			}
		}
		assertThat(found)
			.as("Read the time from the injected java.time.Clock (LocalDate.now(clock), "
					+ "clock.instant()), so that tests can move it; measure durations with System.nanoTime() / "
					+ "時刻は注入された java.time.Clock から読んでください（テストで時間を動かせるように）。" + "経過時間の計測は System.nanoTime() で")
			.isEmpty();
	}

	@Test
	void theApplicationsSqlAsksTheDatabaseForNoTimeOfItsOwn() {
		List<String> found = new ArrayList<>();
		for (Path source : javaFiles(MAIN)) {
			JavaText text = JavaText.read(source);
			for (Finding finding : text.find(DATABASE_TIME, text.literals())) {
				found.add(MAIN.relativize(source) + ":" + finding.line() + ": " + finding.text());
			}
		}
		assertThat(found)
			.as("Pass the time as a parameter from the injected Clock instead of the database's "
					+ "clock (CURRENT_TIMESTAMP, NOW()), so that tests can move it / "
					+ "データベースの時刻（CURRENT_TIMESTAMP、NOW()）ではなく、注入された Clock の時刻をパラメータで渡してください")
			.isEmpty();
	}

	@Test
	void noTestSleeps() {
		List<String> found = new ArrayList<>();
		List<Path> sources = javaFiles(TEST);
		assertThat(sources).isNotEmpty();
		for (Path source : sources) {
			JavaText text = JavaText.read(source);
			for (Finding finding : text.find(SLEEP, text.code())) {
				found.add(TEST.relativize(source) + ":" + finding.line() + ": " + finding.text());
			}
		}
		assertThat(found)
			.as("Move the test's clock (MutableClock) or wait for the event itself (a latch, "
					+ "Awaitility) instead of sleeping / テストでは sleep せず、MutableClock で時間を進めるか、"
					+ "待つ対象そのもの（ラッチ、Awaitility）を待ってください")
			.isEmpty();
	}

	private static List<Path> javaFiles(Path root) {
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter((file) -> file.toString().endsWith(".java")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private record Finding(int line, String text) {

	}

	/**
	 * A source file split into its code (comments and literals blanked out) and its
	 * string literals (everything else blanked out), line breaks kept so that a match has
	 * its line number.
	 */
	private record JavaText(String code, String literals) {

		static JavaText read(Path source) {
			String text;
			try {
				text = Files.readString(source, StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			StringBuilder code = new StringBuilder(text.length());
			StringBuilder literals = new StringBuilder(text.length());
			int at = 0;
			while (at < text.length()) {
				int end;
				boolean literal = false;
				if (text.startsWith("//", at)) {
					end = indexOrEnd(text, "\n", at);
				}
				else if (text.startsWith("/*", at)) {
					end = indexOrEnd(text, "*/", at + 2) + 2;
				}
				else if (text.startsWith("\"\"\"", at)) {
					end = closing(text, "\"\"\"", at + 3);
					literal = true;
				}
				else if (text.charAt(at) == '"' || text.charAt(at) == '\'') {
					end = closing(text, String.valueOf(text.charAt(at)), at + 1);
					literal = true;
				}
				else {
					code.append(text.charAt(at));
					literals.append(blank(text.charAt(at)));
					at++;
					continue;
				}
				end = Math.min(end, text.length());
				for (int i = at; i < end; i++) {
					code.append(blank(text.charAt(i)));
					literals.append(literal ? text.charAt(i) : blank(text.charAt(i)));
				}
				at = end;
			}
			return new JavaText(code.toString(), literals.toString());
		}

		List<Finding> find(Pattern pattern, String in) {
			List<Finding> findings = new ArrayList<>();
			Matcher matcher = pattern.matcher(in);
			while (matcher.find()) {
				int line = 1 + (int) in.substring(0, matcher.start()).chars().filter((c) -> c == '\n').count();
				findings.add(new Finding(line, matcher.group()));
			}
			return findings;
		}

		private static char blank(char c) {
			return (c == '\n') ? '\n' : ' ';
		}

		private static int indexOrEnd(String text, String what, int from) {
			int index = text.indexOf(what, from);
			return (index < 0) ? text.length() : index;
		}

		/** Just past the closing delimiter, skipping escaped characters. */
		private static int closing(String text, String delimiter, int from) {
			int at = from;
			while (at < text.length()) {
				if (text.charAt(at) == '\\') {
					at += 2;
				}
				else if (text.startsWith(delimiter, at)) {
					return at + delimiter.length();
				}
				else {
					at++;
				}
			}
			return at;
		}

	}

}
