package com.successpilot.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.successpilot.ingest.FeedDefinition;
import com.successpilot.ingest.FeedDefinition.Handling;
import com.successpilot.ingest.ImportDefinition;

/**
 * A job definition is checked whole before any feed file is touched: every problem, each
 * with its file and line, unknown keys with the nearest real one.
 */
class ImportDefinitionLoaderTests {

	@TempDir
	Path dir;

	@Test
	void everyProblemOfADefinitionIsListedWithItsLineAndADidYouMean() throws IOException {
		Path file = Files.writeString(this.dir.resolve("nightly-job.yml"), """
				job: nightlyJob
				import:
				  inbox: var/inbox
				  chunk-size: lots
				  max-rejected-ration: 0.1
				  feeds:
				    - name: csms
				      target: csm
				      encodng: Shift_JIS
				      columns:
				        email: email
				        name: name
				    - name: usage
				      target: daily-usgae
				      columns:
				        accountId: account_id
				    - name: contracts
				      target: contract
				      future-dates: maybe
				      required: sometimes
				      columns:
				        externalId: contract_id
				        acountId: account_id
				        product: product
				        startDate: start_date
				        endDate: end_date
				        arr: arr
				        currency: currency
				        licensedSeats: seats
				""");

		assertThatExceptionOfType(InvalidJobDefinitionException.class)
			.isThrownBy(() -> ImportDefinitionLoader.load(file))
			.withMessageStartingWith(file + " has 9 problems:\n  " + file + ":4: import.chunk-size")
			.withMessageContaining(file + ":5: import.max-rejected-ration is not a setting here — did you mean "
					+ "'max-rejected-ratio'?")
			.withMessageContaining(file + ":4: import.chunk-size must be a number, not 'lots'")
			.withMessageContaining(file + ":9: feed 'csms': encodng is not a setting here — did you mean 'encoding'?")
			.withMessageContaining(file + ":14: feed 'usage' has target 'daily-usgae'; known targets: ")
			.withMessageContaining("— did you mean 'daily-usage'?")
			.withMessageContaining(file + ":19: feed 'contracts': future-dates must be one of [reject, warn, accept], "
					+ "not 'maybe'")
			.withMessageContaining(file + ":19: feed 'contracts': future-dates applies to daily-usage, support-ticket "
					+ "and nps-response feeds, not contract")
			.withMessageContaining(file + ":20: feed 'contracts': required must be true or false, not 'sometimes'")
			.withMessageContaining(file + ":23: feed 'contracts' maps unknown field 'acountId'; contract has fields ")
			.withMessageContaining("— did you mean 'accountId'?")
			.withMessageContaining(file + ":22: feed 'contracts' must map the required field 'accountId' to a column");
	}

	@Test
	void theShippedDefinitionLoadsWithItsChecks() {
		ImportDefinition definition = ImportDefinitionLoader.load(Path.of("batch-jobs", "nightly-job.yml"));

		assertThat(definition.feeds()).hasSize(10);
		FeedDefinition contracts = feed(definition, "contracts");
		assertThat(contracts.endedButActive()).isEqualTo(Handling.WARN);
		assertThat(feed(definition, "usage").futureDates()).isEqualTo(Handling.REJECT);
		assertThat(feed(definition, "tickets").futureDates()).isEqualTo(Handling.REJECT);
		assertThat(definition.feeds()).noneMatch(FeedDefinition::required);
	}

	private static FeedDefinition feed(ImportDefinition definition, String name) {
		return definition.feeds().stream().filter((feed) -> feed.name().equals(name)).findFirst().orElseThrow();
	}

}
