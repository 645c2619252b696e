package com.successpilot.rules.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;

import com.successpilot.rules.LiveRuleSet;

/**
 * {@code /actuator/info}'s {@code rules}: the version in force and since when. Reads only
 * what is already loaded (info is public and must stay cheap).
 */
@Component
class RulesInfoContributor implements InfoContributor {

	private final LiveRuleSet liveRuleSet;

	RulesInfoContributor(LiveRuleSet liveRuleSet) {
		this.liveRuleSet = liveRuleSet;
	}

	@Override
	public void contribute(Info.Builder builder) {
		LiveRuleSet.Status status = this.liveRuleSet.status();
		Map<String, Object> rules = new LinkedHashMap<>();
		status.liveSet().ifPresentOrElse((live) -> {
			rules.put("version", live.version());
			rules.put("loadedAt", status.loadedAt().toString());
		}, () -> rules.put("version", (status.lastAttempt() != null) ? "none valid" : "not loaded yet"));
		builder.withDetail("rules", rules);
	}

}
