package com.successpilot.rules.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.successpilot.playbook.Playbook;
import com.successpilot.playbook.PlaybookLibrary;
import com.successpilot.rules.RuleSetProblem;
import com.successpilot.system.NearestName;

/**
 * Finds {@code playbook.raise("name", …)} in rule text and reports each name that is not
 * a playbook of the set, on the line where it is raised.
 */
final class PlaybookReferences {

	private static final Pattern RAISE = Pattern.compile("\\.\\s*raise\\s*\\(\\s*\"([^\"]*)\"");

	private PlaybookReferences() {
	}

	static List<RuleSetProblem> unknown(String file, String ruleText, PlaybookLibrary playbooks, boolean withLines) {
		List<RuleSetProblem> problems = new ArrayList<>();
		Matcher matcher = RAISE.matcher(ruleText);
		while (matcher.find()) {
			String name = matcher.group(1);
			if (!playbooks.contains(name)) {
				int line = withLines ? lineOf(ruleText, matcher.start()) : 0;
				problems.add(new RuleSetProblem(file, line,
						"raises the playbook '" + name + "', which is not in playbooks/ (no playbooks/" + name + ".yml)"
								+ NearestName.suggestion(name, playbooks.all().stream().map(Playbook::name).toList())));
			}
		}
		return problems;
	}

	static int lineOf(String text, int offset) {
		int line = 1;
		for (int i = 0; i < offset; i++) {
			if (text.charAt(i) == '\n') {
				line++;
			}
		}
		return line;
	}

}
