package com.successpilot.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What changed about a task the CSM already has, in words of their language, from the
 * note the rules run left ({@code tasks.change_note}, see {@link MaterialChange}).
 */
public final class TaskChanges {

	private static final Map<String, String> PRIORITY_JA = Map.of("high", "高", "medium", "中", "low", "低");

	private TaskChanges() {
	}

	/**
	 * E.g. {@code priority medium → high; due 2026-11-30 → 2026-11-28} or, in Japanese,
	 * {@code 優先度 中 → 高; 期限 2026-11-30 → 2026-11-28}.
	 * @param language {@code ja} or {@code en}
	 * @return the changes, or an empty text when there are none
	 */
	public static String describe(String note, String language) {
		if (note == null || note.isBlank()) {
			return "";
		}
		boolean ja = "ja".equals(language);
		List<String> changes = new ArrayList<>();
		for (String item : note.split(";")) {
			String[] parts = item.split(":", 3);
			changes.add(switch (parts[0]) {
				case "occurrence" -> ja ? "新しい発生" : "a new occurrence";
				case "snooze-ended" -> ja ? "スヌーズ終了" : "back from snooze";
				case "priority" -> (ja ? "優先度 " : "priority ") + arrow(parts[1], ja);
				case "due" -> (ja ? "期限 " : "due ") + arrow(parts[1], false);
				case "fact" -> parts[1] + " " + arrow(parts[2], false);
				default -> item;
			});
		}
		return String.join("; ", changes);
	}

	private static String arrow(String fromTo, boolean priorityInJapanese) {
		String[] values = fromTo.split(">", 2);
		if (values.length < 2) {
			return fromTo;
		}
		String from = priorityInJapanese ? PRIORITY_JA.getOrDefault(values[0], values[0]) : values[0];
		String to = priorityInJapanese ? PRIORITY_JA.getOrDefault(values[1], values[1]) : values[1];
		return from + " → " + to;
	}

}
