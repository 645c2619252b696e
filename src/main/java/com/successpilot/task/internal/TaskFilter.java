package com.successpilot.task.internal;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.successpilot.playbook.Priority;
import com.successpilot.playbook.TaskType;
import com.successpilot.security.SignedInUser;
import com.successpilot.task.TaskHolder;
import com.successpilot.task.TaskStatus;

/**
 * Which tasks a list request asks for, checked. {@code scopeCsm} is set for a CSM user:
 * whatever else the filter says, only the tasks they hold match ({@link TaskHolder}).
 *
 * @param csmId the {@code csm} parameter when it is a database id
 * @param csmEmail the {@code csm} parameter otherwise
 * @param accountId the {@code account} parameter when it is a database id
 * @param accountExternalId the {@code account} parameter otherwise
 * @param type lower case, as stored
 * @param priority lower case, as stored
 * @param dueBefore only tasks due before (not on) this date
 * @param dueFrom only tasks due on or after this date
 * @param accountName part of the account's name, any case
 */
record TaskFilter(Set<TaskStatus> statuses, Long csmId, String csmEmail, Long accountId, String accountExternalId,
		String type, String priority, String playbook, LocalDate dueBefore, Long scopeCsm, LocalDate dueFrom,
		String accountName) {

	private static final Pattern ID = Pattern.compile("\\d{1,18}");

	/** What a CSM works on: tasks not closed yet. */
	private static final Set<TaskStatus> ACTIVE = EnumSet.of(TaskStatus.OPEN, TaskStatus.SNOOZED);

	static TaskFilter of(String status, String csm, String account, String type, String priority, String playbook,
			LocalDate dueBefore, SignedInUser user) {
		String csmText = blankToNull(csm);
		String accountText = blankToNull(account);
		return new TaskFilter(statuses(status), isId(csmText) ? Long.valueOf(csmText) : null,
				isId(csmText) ? null : csmText, isId(accountText) ? Long.valueOf(accountText) : null,
				isId(accountText) ? null : accountText, lowerCase(choice("type", type, TaskType.class)),
				lowerCase(choice("priority", priority, Priority.class)), blankToNull(playbook), dueBefore,
				scopeOf(user), null, null);
	}

	/**
	 * The same filter, due within [{@code from}, {@code before}) and for accounts whose
	 * name contains {@code name}.
	 */
	TaskFilter due(LocalDate from, LocalDate before, String name) {
		return new TaskFilter(this.statuses, this.csmId, this.csmEmail, this.accountId, this.accountExternalId,
				this.type, this.priority, this.playbook, before, this.scopeCsm, from, blankToNull(name));
	}

	/**
	 * The CSM whose tasks alone a user may see, {@code null} for all. A CSM user without
	 * a CSM record sees nothing (no CSM has id -1) rather than everything.
	 */
	static Long scopeOf(SignedInUser user) {
		if (!user.ownsOnly()) {
			return null;
		}
		return (user.csmId() != null) ? user.csmId() : -1L;
	}

	private static Set<TaskStatus> statuses(String text) {
		if (blankToNull(text) == null) {
			return ACTIVE;
		}
		Set<TaskStatus> statuses = EnumSet.noneOf(TaskStatus.class);
		for (String one : text.split(",")) {
			if (!one.isBlank()) {
				statuses.add(choice("status", one, TaskStatus.class));
			}
		}
		return statuses.isEmpty() ? ACTIVE : statuses;
	}

	private static <E extends Enum<E>> E choice(String parameter, String text, Class<E> type) {
		if (blankToNull(text) == null) {
			return null;
		}
		String wanted = text.strip().toUpperCase(Locale.ROOT);
		return Arrays.stream(type.getEnumConstants())
			.filter((constant) -> constant.name().equals(wanted))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Parameter '" + parameter + "' has the unknown value '"
					+ text.strip() + "'; allowed: "
					+ Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "))));
	}

	private static String lowerCase(Enum<?> value) {
		return (value != null) ? value.name().toLowerCase(Locale.ROOT) : null;
	}

	private static boolean isId(String text) {
		return text != null && ID.matcher(text).matches();
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
