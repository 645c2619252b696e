package com.successpilot.rules.internal;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.successpilot.rules.RuleSetProblem;
import com.successpilot.rules.facts.AccountFacts;
import com.successpilot.rules.facts.GoalProgress;
import com.successpilot.rules.facts.HealthInput;
import com.successpilot.rules.facts.HealthPoints;
import com.successpilot.rules.facts.HealthScore;
import com.successpilot.rules.facts.Threshold;
import com.successpilot.rules.facts.WeightedHealthInput;
import com.successpilot.system.NearestName;

/**
 * Puts the rule engine's compile errors of the shapes a rule author meets most into words
 * they can act on, on the line they must change. A misspelled fact field comes from the
 * engine as two or three multi-line messages on the lines where its pattern and rule
 * start; here it is one: {@code AccountFacts has no field `seatUtilisationPtc` — did you
 * mean `seatUtilisationPct`?} on the line that names the field. Messages of other shapes
 * keep the engine's words.
 */
final class EngineMessages {

	private static final Map<String, Class<?>> FACTS = Map.of("AccountFacts", AccountFacts.class, "GoalProgress",
			GoalProgress.class, "Threshold", Threshold.class, "HealthInput", HealthInput.class, "HealthPoints",
			HealthPoints.class, "HealthScore", HealthScore.class, "WeightedHealthInput", WeightedHealthInput.class);

	/** {@code unable to resolve method using strict-mode: …facts.AccountFacts.field()} */
	private static final Pattern NO_FIELD = Pattern.compile(
			"unable to resolve method using strict-mode: com\\.successpilot\\.rules\\.facts\\.(\\w+)\\.(\\w+)\\(\\)");

	/** {@code Field Reader does not exist for declaration '$used' in '$used : field'} */
	private static final Pattern NO_READER = Pattern
		.compile("Field Reader does not exist for declaration '(\\$?\\w+)' in '\\$?\\w+\\s*:\\s*(\\w+)");

	/**
	 * {@code $used cannot be resolved to a variable}: a consequence of a missing field
	 */
	private static final Pattern UNRESOLVED = Pattern.compile("^Rule Compilation error (\\$?\\w+) cannot be resolved");

	private static final Pattern UNKNOWN_TYPE = Pattern.compile("Unable to resolve ObjectType '(\\w+)'");

	private EngineMessages() {
	}

	/**
	 * One engine message on a rule file.
	 *
	 * @param line the line the engine named (0 when none)
	 * @param text the engine's text
	 */
	record EngineMessage(String file, int line, String text) {

	}

	/**
	 * The problems the engine's messages stand for, each once.
	 * @param sources the rule files' text by relative path, to find the right line
	 */
	static List<RuleSetProblem> translate(List<EngineMessage> messages, Map<String, String> sources) {
		Set<String> unknownFields = new LinkedHashSet<>();
		Set<String> brokenDeclarations = new LinkedHashSet<>();
		List<RuleSetProblem> problems = new ArrayList<>();
		for (EngineMessage message : messages) {
			Matcher noReader = NO_READER.matcher(message.text());
			if (noReader.find()) {
				brokenDeclarations.add(message.file() + "|" + noReader.group(1));
			}
		}
		for (EngineMessage message : messages) {
			String source = sources.get(message.file());
			Matcher noField = NO_FIELD.matcher(message.text());
			Matcher noReader = NO_READER.matcher(message.text());
			Matcher unresolved = UNRESOLVED.matcher(message.text());
			Matcher unknownType = UNKNOWN_TYPE.matcher(message.text());
			if (noField.find() && FACTS.containsKey(noField.group(1))) {
				String field = noField.group(2);
				if (unknownFields.add(message.file() + "|" + field)) {
					problems.add(noSuchField(message, source, noField.group(1), field));
				}
			}
			else if (noReader.find()) {
				String field = noReader.group(2);
				if (unknownFields.add(message.file() + "|" + field)) {
					problems.add(noSuchField(message, source, typeBefore(source, message.line()), field));
				}
			}
			else if (unresolved.find() && (brokenDeclarations.contains(message.file() + "|" + unresolved.group(1))
					|| (brokenPattern(messages, message.file()) && declares(source, unresolved.group(1))))) {
				// said already: the variable is bound in a pattern that does not compile
				continue;
			}
			else if (unknownType.find()) {
				String type = unknownType.group(1);
				problems.add(new RuleSetProblem(message.file(), lineNaming(source, message.line(), type),
						"there is no fact type `" + type + "`" + suggestion(type, FACTS.keySet()) + " (facts: "
								+ String.join(", ", new TreeSet<>(FACTS.keySet())) + ")"));
			}
			else {
				problems.add(new RuleSetProblem(message.file(), message.line(), message.text()));
			}
		}
		return problems;
	}

	/**
	 * Whether the file has a pattern naming an unknown fact type or field, which leaves
	 * the variables bound in it unresolved in the consequence.
	 */
	private static boolean brokenPattern(List<EngineMessage> messages, String file) {
		return messages.stream()
			.filter((message) -> message.file().equals(file))
			.anyMatch((message) -> NO_FIELD.matcher(message.text()).find() || NO_READER.matcher(message.text()).find()
					|| UNKNOWN_TYPE.matcher(message.text()).find());
	}

	private static boolean declares(String source, String variable) {
		return source != null
				&& Pattern.compile("(?<![\\w$])" + Pattern.quote(variable) + "\\s*:").matcher(source).find();
	}

	private static RuleSetProblem noSuchField(EngineMessage message, String source, String type, String field) {
		Set<String> fields = (type != null && FACTS.containsKey(type)) ? fieldsOf(FACTS.get(type)) : Set.of();
		String owner = (type != null) ? type : "the fact";
		return new RuleSetProblem(message.file(), lineNaming(source, message.line(), field),
				owner + " has no field `" + field + "`" + suggestion(field, fields));
	}

	private static String suggestion(String typed, Set<String> known) {
		return NearestName.to(typed, known).map((name) -> " — did you mean `" + name + "`?").orElse("");
	}

	/**
	 * The first line from the engine's line on that names the word outside a comment; the
	 * engine's line when none does within the rule.
	 */
	static int lineNaming(String source, int from, String word) {
		if (source == null || from <= 0) {
			return from;
		}
		String[] lines = source.split("\n", -1);
		Pattern named = Pattern.compile("(?<![\\w$])" + Pattern.quote(word) + "(?!\\w)");
		for (int i = from - 1; i < lines.length; i++) {
			String code = lines[i].replaceFirst("//.*", "");
			if (named.matcher(code).find()) {
				return i + 1;
			}
			if (i > from - 1 && code.strip().equals("end")) {
				break;
			}
		}
		return from;
	}

	/**
	 * The fact type whose pattern the line opens or continues: the nearest {@code Type(}
	 * at or above it.
	 */
	private static String typeBefore(String source, int line) {
		if (source == null || line <= 0) {
			return null;
		}
		String[] lines = source.split("\n", -1);
		Pattern opening = Pattern.compile("\\b(\\w+)\\s*\\(");
		for (int i = Math.min(line, lines.length) - 1; i >= 0; i--) {
			Matcher matcher = opening.matcher(lines[i]);
			String found = null;
			while (matcher.find()) {
				if (FACTS.containsKey(matcher.group(1))) {
					found = matcher.group(1);
				}
			}
			if (found != null) {
				return found;
			}
		}
		return null;
	}

	static Set<String> fieldsOf(Class<?> type) {
		Set<String> fields = new TreeSet<>();
		for (Method method : type.getMethods()) {
			if (method.getParameterCount() != 0 || Modifier.isStatic(method.getModifiers())
					|| method.getDeclaringClass() == Object.class) {
				continue;
			}
			String name = method.getName();
			if (name.startsWith("get") && name.length() > 3) {
				fields.add(decapitalise(name.substring(3)));
			}
			else if (name.startsWith("is") && name.length() > 2) {
				fields.add(decapitalise(name.substring(2)));
			}
		}
		return fields;
	}

	private static String decapitalise(String name) {
		return name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1);
	}

}
