package com.successpilot.portfolio.internal;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes an account's row of the accounts feed.
 */
final class AccountWriter {

	private AccountWriter() {
	}

	static void write(AccountProfile account, long seed, CsvFeedWriter out) {
		MainContact contact = mainContact(account, seed);
		out.text(account.id())
			.text(account.name())
			.text(account.segment().label())
			.text(account.industry())
			.text(account.csm().email())
			.text(account.stage().label())
			.date(account.startDate())
			.date(account.goLiveDate())
			.text(contact.name())
			.text(contact.email())
			.endRow();
	}

	/**
	 * The customer's main contact, from a stream of its own so that adding it changed
	 * none of the other generated rows: a Japanese name at a Japanese company.
	 */
	static MainContact mainContact(AccountProfile account, long seed) {
		SplittableRandom random = RandomStreams.stream(seed, RandomStreams.CONTACTS, account.number());
		PersonNames.PersonName person = account.japanese() ? PersonNames.japanese(random) : PersonNames.english(random);
		return new MainContact(person.name(),
				person.mailbox() + "@" + account.id().toLowerCase(Locale.ROOT) + ".customer.example");
	}

	record MainContact(String name, String email) {
	}

}
