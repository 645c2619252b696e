package com.successpilot.rules.internal;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

import com.successpilot.rules.InvalidRuleSetException;
import com.successpilot.rules.LiveRuleSet;
import com.successpilot.rules.RuleSet;
import com.successpilot.rules.RuleSetProblem;

/**
 * Health component {@code rules}: UP with the version in force while the files in the
 * rules directory are what is live; DEGRADED (HTTP 200, so a load balancer keeps the
 * server) when they were refused and the last good version stands in for them — runs
 * still judge, with the last good version, but CS ops must fix the files; DOWN when no
 * valid set could be loaded at all. Never reads the rules directory again once it has
 * tried: a refused set is re-read by a reload or the next run, not by health probes.
 */
@Component
class RulesHealthIndicator implements HealthIndicator {

	/** The last good version stands in for refused files. */
	static final Status DEGRADED = new Status("DEGRADED");

	private final LiveRuleSet liveRuleSet;

	RulesHealthIndicator(LiveRuleSet liveRuleSet) {
		this.liveRuleSet = liveRuleSet;
	}

	@Override
	public Health health() {
		if (this.liveRuleSet.status().lastAttempt() == null) {
			tryFirstLoad();
		}
		LiveRuleSet.Status status = this.liveRuleSet.status();
		RuleSet live = status.live();
		Health.Builder health = (live == null) ? Health.down()
				: Health.status(status.lastGoodInForce() ? DEGRADED : Status.UP)
					.withDetail("version", live.version())
					.withDetail("loadedAt", status.loadedAt().toString());
		health.withDetail("rulesDir", this.liveRuleSet.rulesDir().toString());
		status.lastLoadAttempt().filter(LiveRuleSet.LoadAttempt::refused).ifPresent((refused) -> {
			health.withDetail("refusedAt", refused.at().toString());
			health.withDetail("refusedVersion", refused.report().version());
			health.withDetail("errors", refused.report().problems().stream().map(RuleSetProblem::toString).toList());
		});
		return health.build();
	}

	private void tryFirstLoad() {
		try {
			this.liveRuleSet.current();
		}
		catch (InvalidRuleSetException ex) {
			// the status records the refused attempt
		}
	}

}
