package com.successpilot.rules.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a scenario does not state: a healthy account, a goal on track, and the default
 * thresholds of each segment (as the segment-thresholds feed provides them).
 */
record ScenarioDefaults(Map<?, ?> account, Map<?, ?> goal, Map<?, ?> segmentThresholds) {

	static ScenarioDefaults of(Map<?, ?> content) {
		return new ScenarioDefaults(section(content, "account"), section(content, "goal"),
				section(content, "segment-thresholds"));
	}

	Map<Object, Object> accountWith(Map<?, ?> given) {
		Map<Object, Object> merged = new LinkedHashMap<>(this.account);
		merged.putAll(given);
		return merged;
	}

	Map<Object, Object> goalWith(Map<?, ?> given) {
		Map<Object, Object> merged = new LinkedHashMap<>(this.goal);
		merged.putAll(given);
		return merged;
	}

	Map<?, ?> thresholdsOf(String segment) {
		Object thresholds = this.segmentThresholds.get(segment);
		if (!(thresholds instanceof Map<?, ?> map)) {
			throw new IllegalArgumentException("scenario-defaults.yml has no segment-thresholds for '" + segment + "'");
		}
		return map;
	}

	private static Map<?, ?> section(Map<?, ?> content, String name) {
		if (!(content.get(name) instanceof Map<?, ?> map)) {
			throw new IllegalArgumentException("needs a '" + name + ":' section");
		}
		return map;
	}

}
