package com.successpilot.portfolio.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

import com.successpilot.portfolio.DemoPortfolio.Archetype;
import com.successpilot.portfolio.PortfolioSummary;

/**
 * Writes a whole portfolio: the CSM team and segment thresholds first, then account by
 * account a row (or rows) in every feed, each feed drawing from its own split of the
 * account's random stream. Only the CSM team is held in memory.
 */
public final class PortfolioGenerator {

	private final Path inbox;

	private final LocalDate businessDate;

	private final long seed;

	private final ContractWriter contracts;

	private final UsageWriter usage;

	private final TicketWriter tickets;

	private final NpsWriter nps;

	private final GoalWriter goals;

	private final AccountThresholdWriter accountThresholds;

	public PortfolioGenerator(Path inbox, LocalDate businessDate, long seed) {
		this.inbox = inbox;
		this.businessDate = businessDate;
		this.seed = seed;
		this.contracts = new ContractWriter(businessDate);
		this.usage = new UsageWriter(businessDate);
		this.tickets = new TicketWriter(businessDate);
		this.nps = new NpsWriter(businessDate);
		this.goals = new GoalWriter(businessDate);
		this.accountThresholds = new AccountThresholdWriter(businessDate);
	}

	public PortfolioSummary generate(int accounts) throws IOException {
		CsmRoster roster = CsmRoster.generate(CsmRoster.sizeFor(accounts), this.seed);
		AccountPlanner planner = new AccountPlanner(this.businessDate, this.seed, roster);
		Map<Archetype, Integer> archetypes = new EnumMap<>(Archetype.class);
		for (Archetype archetype : Archetype.values()) {
			archetypes.put(archetype, 0);
		}
		try (FeedFiles files = FeedFiles.open(this.inbox, this.businessDate)) {
			roster.writeTo(files.writer(Feed.CSMS));
			SegmentThresholds.writeTo(files.writer(Feed.SEGMENT_THRESHOLDS));
			for (int number = 1; number <= accounts; number++) {
				SplittableRandom random = RandomStreams.stream(this.seed, RandomStreams.ACCOUNTS, number);
				AccountProfile account = planner.plan(number, random);
				write(account, random, files);
				archetypes.merge(account.archetype(), 1, Integer::sum);
			}
			files.commit();
			return new PortfolioSummary(this.inbox, this.businessDate, this.seed, files.paths(), files.rowsPerFeed(),
					archetypes);
		}
	}

	private void write(AccountProfile account, SplittableRandom random, FeedFiles files) {
		AccountWriter.write(account, this.seed, files.writer(Feed.ACCOUNTS));
		this.contracts.write(account, random.split(), files.writer(Feed.CONTRACTS));
		this.usage.write(account, random.split(), files.writer(Feed.USAGE));
		this.tickets.write(account, random.split(), files.writer(Feed.TICKETS));
		this.nps.write(account, random.split(), files.writer(Feed.NPS));
		this.goals.write(account, random.split(), files.writer(Feed.GOALS), files.writer(Feed.GOAL_PERIODS));
		this.accountThresholds.write(account, random.split(), files.writer(Feed.ACCOUNT_THRESHOLDS));
	}

}
