package com.successpilot.attention;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.successpilot.mail.CsmMails;
import com.successpilot.mail.OpsMails;
import com.successpilot.rules.AttentionPolicy;
import com.successpilot.task.TaskRepository;

/**
 * The surge guard and the reviews it asks for ({@code run_reviews}). Every guarded run
 * records its new tasks; a run whose new tasks exceed the surge guard's limit — a
 * multiple of the median of the nights before (rules/attention.yml) — is held for review:
 * its tasks and scores stand, its mails wait (HELD) and CS ops are told. OPS then release
 * it (the mails go out) or discard it (the mails are never sent, the tasks it created are
 * closed). A restarted step never checks twice: the first check stands.
 */
@Component
public class RunReviews {

	private static final Log logger = LogFactory.getLog(RunReviews.class);

	private static final LocalDateTime EVER = LocalDateTime.of(2000, 1, 1, 0, 0);

	private final NamedParameterJdbcTemplate jdbc;

	private final TaskRepository tasks;

	private final CsmMails mails;

	private final OpsMails ops;

	private final Clock clock;

	RunReviews(NamedParameterJdbcTemplate jdbc, TaskRepository tasks, CsmMails mails, OpsMails ops, Clock clock) {
		this.jdbc = jdbc;
		this.tasks = tasks;
		this.mails = mails;
		this.ops = ops;
		this.clock = clock;
	}

	/**
	 * Checks a run's new tasks against the nights before, once; holds its mails when they
	 * surge.
	 * @return the review of the run
	 */
	@Transactional
	public Review guard(long run, long execution, String job, LocalDate runDate, AttentionPolicy.SurgeGuard guard) {
		Optional<Review> checked = review(run);
		if (checked.isPresent()) {
			if (checked.get().isAwaitingDecision()) {
				// a restart of a held run: mails composed since stay held too
				this.mails.hold(run);
			}
			return checked.get();
		}
		int newTasks = (int) this.tasks.countCreatedSince(run, EVER);
		boolean firstNight = isFirstNight(run);
		List<Integer> before = this.jdbc.queryForList("""
				SELECT new_tasks FROM run_reviews
				WHERE job_name = :job AND run_date < :runDate AND first_night = FALSE
				  AND (decision IS NULL OR decision <> 'DISCARDED')
				ORDER BY run_date DESC, run_id DESC LIMIT :nights
				""",
				new MapSqlParameterSource("job", job).addValue("runDate", runDate).addValue("nights", guard.nights()),
				Integer.class);
		Double median = (before.size() >= AttentionPolicy.SurgeGuard.FEWEST_NIGHTS) ? median(before) : null;
		Integer limit = (median != null && guard.isOn()) ? guard.limit(median) : null;
		boolean held = !firstNight && limit != null && newTasks > limit;
		int mailsHeld = held ? this.mails.hold(run) : 0;
		this.jdbc.update("""
				INSERT INTO run_reviews (run_id, execution_id, job_name, run_date, first_night, new_tasks,
				  nights_compared, median_new_tasks, limit_new_tasks, held, mails_held, checked_at)
				VALUES (:run, :execution, :job, :runDate, :firstNight, :newTasks, :nights, :median, :limit, :held,
				  :mailsHeld, :now)
				""",
				new MapSqlParameterSource("run", run).addValue("execution", execution)
					.addValue("job", job)
					.addValue("runDate", runDate)
					.addValue("firstNight", firstNight)
					.addValue("newTasks", newTasks)
					.addValue("nights", before.size())
					.addValue("median", median)
					.addValue("limit", limit)
					.addValue("held", held)
					.addValue("mailsHeld", mailsHeld)
					.addValue("now", now()));
		Review review = review(run).orElseThrow();
		if (held) {
			logger.warn(review.summary());
			tellOps(review);
		}
		return review;
	}

	/**
	 * The review of a run, if the guard checked it.
	 */
	public Optional<Review> review(long run) {
		return this.jdbc
			.query("SELECT * FROM run_reviews WHERE run_id = :run", new MapSqlParameterSource("run", run),
					RunReviews::review)
			.stream()
			.findFirst();
	}

	/**
	 * The runs held for review that nobody released or discarded yet, oldest first.
	 */
	public List<Review> awaitingDecision() {
		return this.jdbc.query(
				"SELECT * FROM run_reviews WHERE held = TRUE AND decision IS NULL ORDER BY run_date, run_id",
				RunReviews::review);
	}

	/**
	 * Releases a held run: its mails are due now and sent at once.
	 * @throws NotAwaitingDecisionException when the run is not held or was decided
	 * already
	 */
	public Decided release(long run, String by) {
		decide(run, "RELEASED", by, null);
		int released = this.mails.release(run);
		int sent = this.mails.deliverDue();
		return new Decided(review(run).orElseThrow(), released, 0, sent);
	}

	/**
	 * Discards a held run: its mails are never sent and the tasks it created that are
	 * still open, snoozed or held back are closed with the reason.
	 * @throws NotAwaitingDecisionException when the run is not held or was decided
	 * already
	 */
	@Transactional
	public Decided discard(long run, String by, String reason) {
		String note = (reason == null || reason.isBlank()) ? "discarded after review" : reason.strip();
		decide(run, "DISCARDED", by, note);
		int discarded = this.mails.discard(run, "The run was held for review and discarded by " + by + ": " + note);
		int closed = this.tasks.closeCreatedBy(run, by, "The run that raised it was discarded after review: " + note);
		return new Decided(review(run).orElseThrow(), discarded, closed, 0);
	}

	private void decide(long run, String decision, String by, String note) {
		int decided = this.jdbc.update("""
				UPDATE run_reviews SET decision = :decision, decided_by = :by, decided_at = :now, decision_note = :note
				WHERE run_id = :run AND held = TRUE AND decision IS NULL
				""",
				new MapSqlParameterSource("run", run).addValue("decision", decision)
					.addValue("by", by)
					.addValue("now", now())
					.addValue("note", note));
		if (decided == 0) {
			throw new NotAwaitingDecisionException(run, review(run));
		}
	}

	private boolean isFirstNight(long run) {
		List<Boolean> firstNight = this.jdbc.queryForList(
				"SELECT first_night FROM attention_ledger WHERE run_id = :run LIMIT 1",
				new MapSqlParameterSource("run", run), Boolean.class);
		return !firstNight.isEmpty() && Boolean.TRUE.equals(firstNight.get(0));
	}

	private void tellOps(Review review) {
		String release = "review release " + review.execution();
		String discard = "review discard " + review.execution() + " --reason=…";
		this.ops.tell("held:" + review.run(), review.run(), review.runDate(),
				new OpsMails.Text(
						"Run held for review: " + review.job() + " " + review.runDate() + ", " + review.newTasks()
								+ " new tasks",
						review.summary() + "\n\nIts tasks and health scores are recorded; its " + review.mailsHeld()
								+ " mails wait until you decide.\nRelease (the mails go out): '" + release
								+ "' or POST /api/runs/" + review.execution()
								+ "/release\nDiscard (no mail, its new tasks closed): '" + discard
								+ "' or POST /api/runs/" + review.execution() + "/discard"),
				new OpsMails.Text(
						"確認待ちで保留: " + review.job() + " " + review.runDate() + "、新規タスク " + review.newTasks() + " 件",
						review.job() + " の " + review.runDate() + " の実行で新規タスクが " + review.newTasks() + " 件あり、直近 "
								+ review.nightsCompared() + " 夜の中央値 " + review.medianNewTasks() + " 件に対する上限 "
								+ review.limitNewTasks() + " 件を超えたため、確認待ちで保留しました。\n\nタスクとヘルススコアは記録済みです。メール "
								+ review.mailsHeld() + " 通は判断が出るまで送信されません。\n送信する: '" + release + "' または POST /api/runs/"
								+ review.execution() + "/release\n破棄する（メールを送らず、新規タスクを閉じる）: '" + discard
								+ "' または POST /api/runs/" + review.execution() + "/discard"));
	}

	private static double median(List<Integer> values) {
		List<Integer> sorted = new ArrayList<>(values);
		sorted.sort(null);
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
	}

	private Timestamp now() {
		return Timestamp.valueOf(LocalDateTime.now(this.clock));
	}

	private static Review review(ResultSet rs, int row) throws SQLException {
		Timestamp decidedAt = rs.getTimestamp("decided_at");
		return new Review(rs.getLong("run_id"), rs.getLong("execution_id"), rs.getString("job_name"),
				rs.getDate("run_date").toLocalDate(), rs.getBoolean("first_night"), rs.getInt("new_tasks"),
				rs.getInt("nights_compared"), rs.getObject("median_new_tasks", Double.class),
				rs.getObject("limit_new_tasks", Integer.class), rs.getBoolean("held"), rs.getInt("mails_held"),
				rs.getString("decision"), rs.getString("decided_by"),
				(decidedAt != null) ? decidedAt.toLocalDateTime() : null, rs.getString("decision_note"));
	}

	/**
	 * What the surge guard found for a run, and what OPS decided.
	 *
	 * @param run the run (job instance) id
	 * @param execution the execution that checked it: the id the runs API and the review
	 * commands take
	 * @param medianNewTasks the median of the nights compared; null with fewer than 3
	 * @param limitNewTasks the most new tasks the run could raise without being held;
	 * null when there was no median or the guard is off
	 * @param decision RELEASED, DISCARDED, or null while held (or when not held)
	 */
	public record Review(long run, long execution, String job, LocalDate runDate, boolean firstNight, int newTasks,
			int nightsCompared, Double medianNewTasks, Integer limitNewTasks, boolean held, int mailsHeld,
			String decision, String decidedBy, LocalDateTime decidedAt, String decisionNote) {

		public boolean isAwaitingDecision() {
			return this.held && this.decision == null;
		}

		/**
		 * One line on what the guard found.
		 */
		public String summary() {
			if (this.held) {
				return this.job + " for " + this.runDate + " raised " + this.newTasks + " new tasks, over the limit of "
						+ this.limitNewTasks + " (set from the median of the " + this.nightsCompared
						+ " nights before, " + this.medianNewTasks + "): held for review"
						+ ((this.decision != null) ? ", " + this.decision.toLowerCase(java.util.Locale.ROOT) + " by "
								+ this.decidedBy + " at " + this.decidedAt.withNano(0) : ", awaiting a decision");
			}
			if (this.firstNight) {
				return this.newTasks + " new tasks on the portfolio's first night: not compared";
			}
			if (this.limitNewTasks == null) {
				return this.newTasks + " new tasks; " + ((this.medianNewTasks == null)
						? "fewer than 3 earlier nights to compare with" : "the surge guard is off");
			}
			return this.newTasks + " new tasks, within the limit of " + this.limitNewTasks + " (median of "
					+ this.nightsCompared + " nights before: " + this.medianNewTasks + ")";
		}

	}

	/**
	 * What a decision did.
	 *
	 * @param mails the mails released or discarded
	 * @param tasksClosed the tasks a discarded run had created that were closed
	 * @param mailsSent the released mails sent at once
	 */
	public record Decided(Review review, int mails, int tasksClosed, int mailsSent) {

	}

	/**
	 * A release or discard of a run that is not held, or was decided already.
	 */
	public static final class NotAwaitingDecisionException extends IllegalStateException {

		NotAwaitingDecisionException(long run, Optional<Review> review) {
			super(review
				.map((found) -> found.held()
						? "The run was " + found.decision().toLowerCase(java.util.Locale.ROOT) + " by "
								+ found.decidedBy() + " already"
						: "The run was not held for review: " + found.summary())
				.orElse("The surge guard never checked run " + run + ": it is not held for review"));
		}

	}

}
