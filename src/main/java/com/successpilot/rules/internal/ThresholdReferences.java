package com.successpilot.rules.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.successpilot.rules.RuleSetProblem;
import com.successpilot.rules.ThresholdCatalogue;

/**
 * Finds {@code Threshold( name == "…" )} in rule text and reports each name the catalogue
 * does not declare, on the line where it is asked for, with the nearest declared name. A
 * rule asking for an undeclared threshold would silently never fire.
 */
final class ThresholdReferences {

	private static final Pattern PATTERN = Pattern.compile("\\bThreshold\\s*\\(([^)]*)\\)");

	private static final Pattern NAME = Pattern.compile("\\bname\\s*==\\s*\"([^\"]*)\"");

	private ThresholdReferences() {
	}

	static List<RuleSetProblem> undeclared(String file, String ruleText, ThresholdCatalogue catalogue,
			boolean withLines) {
		List<RuleSetProblem> problems = new ArrayList<>();
		if (!catalogue.isPresent()) {
			return problems;
		}
		Matcher pattern = PATTERN.matcher(ruleText);
		while (pattern.find()) {
			Matcher name = NAME.matcher(pattern.group(1));
			while (name.find()) {
				String threshold = name.group(1);
				if (catalogue.find(threshold).isEmpty()) {
					int offset = pattern.start(1) + name.start(1);
					int line = withLines ? PlaybookReferences.lineOf(ruleText, offset) : 0;
					problems.add(new RuleSetProblem(file, line, catalogue.unknown(threshold)));
				}
			}
		}
		return problems;
	}

}
