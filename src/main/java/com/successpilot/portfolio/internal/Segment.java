package com.successpilot.portfolio.internal;

import java.util.SplittableRandom;

/**
 * The customer segments, with what differs between them: how many there are, how many
 * seats they buy, what a seat costs and how long they take to go live.
 */
enum Segment {

	ENTERPRISE("enterprise", 15, 150, 1500, 420, 660, 21, 40, 3.0),

	MID_MARKET("mid-market", 35, 30, 250, 480, 780, 10, 21, 1.5),

	SMB("smb", 50, 5, 40, 540, 900, 5, 12, 1.0);

	private final String label;

	private final int perHundred;

	private final int minSeats;

	private final int maxSeats;

	private final int minUsdPerSeat;

	private final int maxUsdPerSeat;

	private final int minDaysToGoLive;

	private final int maxDaysToGoLive;

	private final double ticketVolume;

	Segment(String label, int perHundred, int minSeats, int maxSeats, int minUsdPerSeat, int maxUsdPerSeat,
			int minDaysToGoLive, int maxDaysToGoLive, double ticketVolume) {
		this.label = label;
		this.perHundred = perHundred;
		this.minSeats = minSeats;
		this.maxSeats = maxSeats;
		this.minUsdPerSeat = minUsdPerSeat;
		this.maxUsdPerSeat = maxUsdPerSeat;
		this.minDaysToGoLive = minDaysToGoLive;
		this.maxDaysToGoLive = maxDaysToGoLive;
		this.ticketVolume = ticketVolume;
	}

	String label() {
		return this.label;
	}

	static Segment draw(SplittableRandom random) {
		int roll = random.nextInt(100);
		for (Segment segment : values()) {
			roll -= segment.perHundred;
			if (roll < 0) {
				return segment;
			}
		}
		return SMB;
	}

	/**
	 * Seat counts are spread log-uniformly: many small deals, a few big ones.
	 */
	int drawSeats(SplittableRandom random) {
		double low = Math.log(this.minSeats);
		double high = Math.log(this.maxSeats);
		return (int) Math.round(Math.exp(low + random.nextDouble() * (high - low)));
	}

	int drawUsdPerSeat(SplittableRandom random) {
		return 10 * ((this.minUsdPerSeat + random.nextInt(this.maxUsdPerSeat - this.minUsdPerSeat + 1)) / 10);
	}

	int drawDaysToGoLive(SplittableRandom random) {
		return this.minDaysToGoLive + random.nextInt(this.maxDaysToGoLive - this.minDaysToGoLive + 1);
	}

	/**
	 * Bigger customers have more users, so more tickets: a multiplier of the base rate.
	 */
	double ticketVolume() {
		return this.ticketVolume;
	}

}
