package com.successpilot.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.successpilot.SuccessPilotTest;
import com.successpilot.TestData;

/**
 * Multi-row statements write every row, in groups no larger than the row and text limits,
 * and upsert like the batch they replace.
 */
@SuccessPilotTest
class MultiRowStatementTests {

	private static final MultiRowStatement<Error> RULE_ERRORS = new MultiRowStatement<>(
			"INSERT INTO rule_errors (run_id, account_id, rule_name, message) VALUES", "(?, ?, ?, ?)",
			"ON DUPLICATE KEY UPDATE message = VALUES(message)", 1000, (error) -> error.message().length(),
			(values, error) -> values.add(7L).add(error.account()).add("rule").add(error.message()));

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void emptyDatabase() {
		TestData.deleteAll(this.jdbc);
	}

	@Test
	void writesMoreRowsThanOneStatementHolds() {
		RULE_ERRORS.write(this.jdbc, errors(2500, "短い"));

		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM rule_errors", Integer.class)).isEqualTo(2500);
		assertThat(this.jdbc.queryForObject("SELECT message FROM rule_errors WHERE account_id = 2500", String.class))
			.isEqualTo("短い 2500");
	}

	@Test
	void splitsLongTextsIntoStatementsOfBoundedSize() {
		String long1990 = "x".repeat(1990);
		RULE_ERRORS.write(this.jdbc, errors(1200, long1990));

		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM rule_errors WHERE CHAR_LENGTH(message) > 1990",
				Integer.class))
			.isEqualTo(1200);
	}

	@Test
	void updatesRowsThatAreThereAlready() {
		RULE_ERRORS.write(this.jdbc, errors(3, "first"));
		RULE_ERRORS.write(this.jdbc, errors(3, "second"));

		assertThat(this.jdbc.queryForList("SELECT message FROM rule_errors ORDER BY account_id", String.class))
			.containsExactly("second 1", "second 2", "second 3");
	}

	@Test
	void writesNothingForNoRows() {
		RULE_ERRORS.write(this.jdbc, List.of());

		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM rule_errors", Integer.class)).isZero();
	}

	private static List<Error> errors(int count, String message) {
		return IntStream.rangeClosed(1, count).mapToObj((i) -> new Error(i, message + " " + i)).toList();
	}

	private record Error(long account, String message) {

	}

}
