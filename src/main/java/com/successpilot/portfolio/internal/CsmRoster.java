package com.successpilot.portfolio.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The CSM team: about one CSM per 40 accounts, half of them Japanese. Japanese customers
 * are looked after by Japanese CSMs, the others by English-speaking ones.
 */
final class CsmRoster {

	private static final String DOMAIN = "@successpilot.example";

	private final List<Csm> all;

	private final List<Csm> japanese = new ArrayList<>();

	private final List<Csm> english = new ArrayList<>();

	private CsmRoster(List<Csm> all) {
		this.all = List.copyOf(all);
		for (Csm csm : all) {
			(csm.japanese() ? this.japanese : this.english).add(csm);
		}
	}

	static int sizeFor(int accounts) {
		return (int) Math.max(3, Math.min(2500, Math.round(accounts / 40.0)));
	}

	static CsmRoster generate(int size, long seed) {
		SplittableRandom random = RandomStreams.stream(seed, RandomStreams.CSMS, 0);
		Set<String> emails = new HashSet<>();
		List<Csm> csms = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			// the first two make sure both languages have a CSM
			boolean japanese = (i < 2) ? i == 0 : random.nextBoolean();
			PersonNames.PersonName person = japanese ? PersonNames.japanese(random) : PersonNames.english(random);
			String email = person.mailbox() + DOMAIN;
			for (int n = 2; !emails.add(email); n++) {
				email = person.mailbox() + n + DOMAIN;
			}
			csms.add(new Csm(email, person.name(), japanese));
		}
		return new CsmRoster(csms);
	}

	/**
	 * The CSM of a new account, picked from those who speak the customer's language.
	 * @param draw a random number owned by the account
	 */
	Csm ownerOf(boolean japaneseAccount, long draw) {
		List<Csm> team = japaneseAccount ? this.japanese : this.english;
		return team.get((int) Math.floorMod(draw, (long) team.size()));
	}

	void writeTo(CsvFeedWriter out) {
		for (Csm csm : this.all) {
			out.text(csm.email()).text(csm.name()).text(csm.language()).endRow();
		}
	}

}
