package com.successpilot.portfolio.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes an account's NPS responses of the last 180 days (none in its first two weeks):
 * 0-3 per account; promoters have answered 9-10 in the last 60 days, declining accounts
 * dropped by 4 points or more, accounts at risk answered as detractors.
 */
final class NpsWriter {

	private static final int WINDOW_DAYS = 180;

	private static final String[] ROLES = { "executive", "decision-maker", "end-user", "admin" };

	private final LocalDate businessDate;

	NpsWriter(LocalDate businessDate) {
		this.businessDate = businessDate;
	}

	void write(AccountProfile account, SplittableRandom random, CsvFeedWriter out) {
		LocalDate firstSurvey = account.startDate().plusDays(14);
		int span = (int) Math.min(WINDOW_DAYS, this.businessDate.toEpochDay() - firstSurvey.toEpochDay());
		if (span < 1) {
			return;
		}
		List<Response> responses = responses(account, span, random);
		responses.sort(Comparator.comparingInt(Response::daysAgo).reversed());
		int sequence = 1;
		for (Response response : responses) {
			out.text(Ids.child("NPS", account, sequence++, 1))
				.text(account.id())
				.date(this.businessDate.minusDays(response.daysAgo()))
				.number(response.score())
				.text(ROLES[response.role()])
				.text(NpsComments.draw(response.score(), account.japanese(), random))
				.endRow();
		}
	}

	private static List<Response> responses(AccountProfile account, int span, SplittableRandom random) {
		List<Response> responses = new ArrayList<>();
		switch (account.archetype()) {
			case PROMOTER -> {
				responses.add(new Response(within(3, 60, span, random), between(9, 10, random), random.nextInt(2)));
				for (int i = random.nextInt(3); i > 0; i--) {
					responses
						.add(new Response(within(61, WINDOW_DAYS, span, random), between(8, 10, random), role(random)));
				}
			}
			case DECLINING_USAGE -> {
				int before = between(8, 9, random);
				responses.add(new Response(within(100, 170, span, random), before, role(random)));
				responses.add(new Response(within(5, 45, span, random), before - between(4, 6, random), role(random)));
			}
			case RENEWAL_AT_RISK -> {
				responses.add(new Response(within(5, 45, span, random), between(2, 6, random), role(random)));
				if (random.nextBoolean()) {
					responses
						.add(new Response(within(90, WINDOW_DAYS, span, random), between(5, 7, random), role(random)));
				}
			}
			case SUPPORT_HEAVY -> add(responses, random.nextInt(3), 3, 6, span, random);
			case ONBOARDING_STALLED -> add(responses, random.nextInt(2), 5, 7, span, random);
			case HEALTHY, EXPANSION_READY -> add(responses, usualCount(random), 7, 9, span, random);
		}
		return responses;
	}

	private static void add(List<Response> responses, int count, int lowScore, int highScore, int span,
			SplittableRandom random) {
		for (int i = 0; i < count; i++) {
			responses
				.add(new Response(within(1, span, span, random), between(lowScore, highScore, random), role(random)));
		}
	}

	private static int usualCount(SplittableRandom random) {
		int roll = random.nextInt(100);
		return (roll < 25) ? 0 : (roll < 65) ? 1 : (roll < 90) ? 2 : 3;
	}

	private static int role(SplittableRandom random) {
		int roll = random.nextInt(100);
		return (roll < 15) ? 0 : (roll < 40) ? 1 : (roll < 85) ? 2 : 3;
	}

	/**
	 * A number of days ago between {@code from} and {@code to}, but never before the
	 * first survey.
	 */
	private static int within(int from, int to, int span, SplittableRandom random) {
		int high = Math.min(to, span);
		int low = Math.min(from, high);
		return between(low, high, random);
	}

	private static int between(int low, int high, SplittableRandom random) {
		return AccountPlanner.between(low, high, random);
	}

	private record Response(int daysAgo, int score, int role) {
	}

}
