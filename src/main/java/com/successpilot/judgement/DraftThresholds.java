package com.successpilot.judgement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.successpilot.metrics.AccountCase;
import com.successpilot.rules.facts.Threshold;

/**
 * Thresholds a preview judges with instead of the stored ones: rows in the format of the
 * account-thresholds feed ({@code account_id,threshold,value,agreed_on,note}, header
 * first), each an account's agreed value taking the place of the stored value or the
 * segment default of the same name.
 */
public final class DraftThresholds {

	/** No draft thresholds: the stored ones apply. */
	public static final DraftThresholds NONE = new DraftThresholds(Map.of());

	private final Map<String, Map<String, Threshold>> byAccount;

	private DraftThresholds(Map<String, Map<String, Threshold>> byAccount) {
		this.byAccount = byAccount;
	}

	/**
	 * Reads CSV text in the account-thresholds feed's format.
	 * @param source names the text in errors, e.g. the file name
	 * @throws IllegalArgumentException naming {@code source:line} for a row that cannot
	 * be read
	 */
	public static DraftThresholds parse(String source, String csv) {
		List<String> lines = csv.lines().toList();
		if (lines.isEmpty()) {
			return NONE;
		}
		List<String> header = List.of(lines.get(0).replace("\uFEFF", "").trim().split("\\s*,\\s*"));
		int account = column(header, "account_id", source);
		int name = column(header, "threshold", source);
		int value = column(header, "value", source);
		int agreedOn = header.indexOf("agreed_on");
		int note = header.indexOf("note");
		Map<String, Map<String, Threshold>> byAccount = new HashMap<>();
		for (int i = 1; i < lines.size(); i++) {
			if (lines.get(i).isBlank()) {
				continue;
			}
			String[] cells = lines.get(i).split(",", -1);
			String where = source + ":" + (i + 1) + ": ";
			if (cells.length < header.size()) {
				throw new IllegalArgumentException(
						where + "expected " + header.size() + " columns, found " + cells.length);
			}
			double number;
			LocalDate agreed;
			try {
				number = Double.parseDouble(cells[value].trim());
				agreed = (agreedOn >= 0 && !cells[agreedOn].isBlank()) ? LocalDate.parse(cells[agreedOn].trim()) : null;
			}
			catch (RuntimeException ex) {
				throw new IllegalArgumentException(where + "value must be a number and agreed_on a date (YYYY-MM-DD)");
			}
			String accountId = cells[account].trim();
			String threshold = cells[name].trim();
			if (accountId.isEmpty() || threshold.isEmpty()) {
				throw new IllegalArgumentException(where + "account_id and threshold must not be empty");
			}
			byAccount.computeIfAbsent(accountId, (key) -> new LinkedHashMap<>())
				.put(threshold, new Threshold(accountId, threshold, number, Threshold.ACCOUNT, agreed,
						(note >= 0) ? cells[note].trim() : null));
		}
		return new DraftThresholds(byAccount);
	}

	/**
	 * Several drafts in one: a later one's value wins.
	 */
	public DraftThresholds and(DraftThresholds other) {
		Map<String, Map<String, Threshold>> merged = new HashMap<>();
		this.byAccount.forEach((account, values) -> merged.put(account, new LinkedHashMap<>(values)));
		other.byAccount.forEach(
				(account, values) -> merged.computeIfAbsent(account, (key) -> new LinkedHashMap<>()).putAll(values));
		return new DraftThresholds(merged);
	}

	public int accounts() {
		return this.byAccount.size();
	}

	/**
	 * The account with the draft values in place of its thresholds of the same name.
	 */
	AccountCase applyTo(AccountCase account) {
		Map<String, Threshold> draft = this.byAccount.get(account.facts().getAccountId());
		if (draft == null) {
			return account;
		}
		List<Threshold> thresholds = new ArrayList<>();
		account.thresholds().stream().filter((stored) -> !draft.containsKey(stored.getName())).forEach(thresholds::add);
		thresholds.addAll(draft.values());
		return new AccountCase(account.accountKey(), account.csmKey(), account.facts(), account.goals(), thresholds);
	}

	private static int column(List<String> header, String name, String source) {
		int index = header.indexOf(name);
		if (index < 0) {
			throw new IllegalArgumentException(source + ":1: the header has no column '" + name
					+ "' (expected account_id,threshold,value,agreed_on,note)");
		}
		return index;
	}

}
