package com.successpilot.judgement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a draft rule set (and draft thresholds) would do on one night's stored facts and
 * the tasks stored now, beside what the set in force does on the same facts: tasks
 * created, closed by the rules and re-prioritised, per playbook and per CSM, health grade
 * moves, and how many of the new tasks the attention budget would hold back. Nothing was
 * written to make it.
 *
 * @param night the night whose facts were judged
 * @param liveVersion the version of the set in force
 * @param draftVersion the version of the draft
 * @param accounts the accounts judged
 * @param draft what the draft does
 * @param live what the set in force does
 * @param byPlaybook the same per playbook, playbooks in name order
 * @param byCsm the same per CSM (email; "(none)" for accounts without one)
 * @param gradeMoves health grade moves, live grade → draft grade ("B>C") → accounts
 * @param tasks every task created, closed or re-prioritised by either set, draft's first
 * @param healthMoves every account whose grade differs
 * @param draftRuleErrors accounts with a rule error under the draft
 * @param liveRuleErrors accounts with a rule error under the set in force
 * @param millis how long the preview took
 */
public record PreviewReport(LocalDate night, String liveVersion, String draftVersion, int accounts, Counts draft,
		Counts live, List<Group> byPlaybook, List<Group> byCsm, Map<String, Integer> gradeMoves, List<TaskChange> tasks,
		List<GradeMove> healthMoves, int draftRuleErrors, int liveRuleErrors, long millis) {

	/** Items listed on the console per kind of change; the JSON and CSV have them all. */
	static final int LISTED = 20;

	/**
	 * How many tasks a set creates, closes and re-prioritises, and of the created how
	 * many the attention budget would hold back.
	 */
	public record Counts(int created, int closed, int reprioritised, int heldBack) {

		Counts plus(Counts other) {
			return new Counts(this.created + other.created, this.closed + other.closed,
					this.reprioritised + other.reprioritised, this.heldBack + other.heldBack);
		}

		static final Counts NONE = new Counts(0, 0, 0, 0);

	}

	/**
	 * The counts of one playbook or one CSM.
	 */
	public record Group(String name, Counts draft, Counts live) {

	}

	/**
	 * One task a set would create, close or re-prioritise.
	 *
	 * @param change {@code created}, {@code closed} or {@code reprioritised}
	 * @param accountId the account's id in the feeds
	 * @param priorityBefore the stored priority of a re-prioritised task, else null
	 * @param csm the CSM's email, or null
	 * @param withDraft whether the draft does it
	 * @param withLive whether the set in force does it
	 * @param heldBack whether the attention budget would hold it back (created by the
	 * draft)
	 */
	public record TaskChange(String change, String accountId, String account, String playbook, String priorityBefore,
			String priority, String csm, boolean withDraft, boolean withLive, boolean heldBack) {

	}

	/**
	 * An account whose health grade the draft gives differently.
	 */
	public record GradeMove(String accountId, String account, String csm, String from, String to, Integer scoreFrom,
			Integer scoreTo) {

	}

	/**
	 * The report as a person reads it on the console.
	 */
	public List<String> lines() {
		List<String> lines = new ArrayList<>();
		lines.add("Preview of rules " + this.draftVersion + " against the set in force " + this.liveVersion
				+ " on the facts of " + this.night + " (" + number(this.accounts) + " accounts, " + seconds(this.millis)
				+ "); nothing was written");
		lines.add("");
		lines.add(String.format("%-28s %10s %10s %10s", "Tasks", "draft", "in force", "difference"));
		row(lines, "  created", this.draft.created(), this.live.created());
		row(lines, "  closed by the rules", this.draft.closed(), this.live.closed());
		row(lines, "  re-prioritised", this.draft.reprioritised(), this.live.reprioritised());
		row(lines, "  new, held back (budget)", this.draft.heldBack(), this.live.heldBack());
		row(lines, "  accounts with rule errors", this.draftRuleErrors, this.liveRuleErrors);
		groups(lines, "By playbook", this.byPlaybook);
		groups(lines, "By CSM", this.byCsm);
		lines.add("");
		if (this.gradeMoves.isEmpty()) {
			lines.add("Health grades: no account changes grade");
		}
		else {
			lines.add("Health grades (in force > draft): " + String.join(", ",
					this.gradeMoves.entrySet().stream().map((move) -> move.getKey() + " " + move.getValue()).toList()));
			this.healthMoves.stream()
				.limit(LISTED)
				.forEach((move) -> lines.add(String.format("  %-12s %s %s>%s %s", move.accountId(),
						column(move.account(), 30), move.from(), move.to(), moveScores(move))));
			more(lines, this.healthMoves.size());
		}
		for (String change : List.of("created", "closed", "reprioritised")) {
			List<TaskChange> differing = this.tasks.stream()
				.filter((task) -> task.change().equals(change) && task.withDraft() != task.withLive())
				.toList();
			if (differing.isEmpty()) {
				continue;
			}
			lines.add("");
			lines.add("Tasks " + change + " by one set only (" + number(differing.size()) + ")");
			lines.add(String.format("  %-5s %-12s %-26s %-30s %-15s %s", "set", "account", "name", "playbook",
					"priority", "CSM"));
			differing.stream()
				.limit(LISTED)
				.forEach((task) -> lines
					.add(String.format("  %-5s %-12s %s %-30s %-15s %s%s", task.withDraft() ? "draft" : "live",
							task.accountId(), column(task.account(), 26), task.playbook(),
							(task.priorityBefore() != null) ? task.priorityBefore() + ">" + task.priority()
									: task.priority(),
							(task.csm() != null) ? task.csm() : "(none)", task.heldBack() ? "  (held back)" : "")));
			more(lines, differing.size());
		}
		return lines;
	}

	/**
	 * Every task and grade move as CSV: one row each, with a header.
	 */
	public String csv() {
		StringBuilder csv = new StringBuilder(
				"change,account_id,account,playbook,before,after,csm,with_draft,with_live,held_back\n");
		for (TaskChange task : this.tasks) {
			csv.append(String.join(",", task.change(), cell(task.accountId()), cell(task.account()),
					cell(task.playbook()), cell(task.priorityBefore()), cell(task.priority()), cell(task.csm()),
					String.valueOf(task.withDraft()), String.valueOf(task.withLive()), String.valueOf(task.heldBack())))
				.append('\n');
		}
		for (GradeMove move : this.healthMoves) {
			csv.append(String.join(",", "grade", cell(move.accountId()), cell(move.account()), "", cell(move.from()),
					cell(move.to()), cell(move.csm()), "true", "false", "false"))
				.append('\n');
		}
		return csv.toString();
	}

	private static void groups(List<String> lines, String title, List<Group> groups) {
		List<Group> changed = groups.stream()
			.filter((group) -> !group.draft().equals(Counts.NONE) || !group.live().equals(Counts.NONE))
			.toList();
		if (changed.isEmpty()) {
			return;
		}
		lines.add("");
		lines.add(String.format("%-36s %21s %21s %21s %10s", title, "created draft/live", "closed draft/live",
				"re-prio. draft/live", "held back"));
		for (Group group : changed) {
			lines.add(String.format("  %-34s %21s %21s %21s %10s", cut(group.name(), 34),
					pair(group.draft().created(), group.live().created()),
					pair(group.draft().closed(), group.live().closed()),
					pair(group.draft().reprioritised(), group.live().reprioritised()),
					number(group.draft().heldBack())));
		}
	}

	private static void row(List<String> lines, String label, int draft, int live) {
		lines.add(String.format("%-28s %10s %10s %10s", label, number(draft), number(live), signed(draft - live)));
	}

	private static void more(List<String> lines, int size) {
		if (size > LISTED) {
			lines.add("  … and " + number(size - LISTED) + " more (--csv=FILE lists them all)");
		}
	}

	private static String moveScores(GradeMove move) {
		return (move.scoreFrom() != null && move.scoreTo() != null)
				? "(" + move.scoreFrom() + ">" + move.scoreTo() + ")" : "";
	}

	private static String pair(int draft, int live) {
		return number(draft) + " / " + number(live);
	}

	private static String number(long value) {
		return String.format("%,d", value);
	}

	private static String signed(long value) {
		return (value > 0) ? "+" + number(value) : number(value);
	}

	private static String seconds(long millis) {
		return String.format("%.1f s", millis / 1000.0);
	}

	private static String cut(String text, int width) {
		if (text == null) {
			return "";
		}
		return (text.length() <= width) ? text : text.substring(0, width - 1) + "…";
	}

	/**
	 * The text cut or padded to a width on a terminal, where a Japanese character takes
	 * two columns.
	 */
	static String column(String text, int width) {
		StringBuilder shown = new StringBuilder();
		int used = 0;
		String value = (text != null) ? text : "";
		for (int i = 0; i < value.length();) {
			int codePoint = value.codePointAt(i);
			int columns = wide(codePoint) ? 2 : 1;
			boolean last = i + Character.charCount(codePoint) >= value.length();
			if (used + columns > width || (!last && used + columns == width)) {
				shown.append('…');
				used++;
				break;
			}
			shown.appendCodePoint(codePoint);
			used += columns;
			i += Character.charCount(codePoint);
		}
		return shown + " ".repeat(Math.max(0, width - used));
	}

	// East Asian wide characters (kana, kanji, hangul, full-width forms), as terminals
	// show them
	private static boolean wide(int codePoint) {
		return (codePoint >= 0x1100 && codePoint <= 0x115F) || (codePoint >= 0x2E80 && codePoint <= 0xA4CF)
				|| (codePoint >= 0xAC00 && codePoint <= 0xD7A3) || (codePoint >= 0xF900 && codePoint <= 0xFAFF)
				|| (codePoint >= 0xFE30 && codePoint <= 0xFE4F) || (codePoint >= 0xFF00 && codePoint <= 0xFF60)
				|| (codePoint >= 0xFFE0 && codePoint <= 0xFFE6);
	}

	private static String cell(String value) {
		if (value == null) {
			return "";
		}
		return (value.contains(",") || value.contains("\"") || value.contains("\n"))
				? "\"" + value.replace("\"", "\"\"") + "\"" : value;
	}

}
