package com.successpilot.account.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import com.successpilot.rules.ThresholdCatalogue;
import com.successpilot.rules.ThresholdCatalogue.Declared;

/**
 * The thresholds an account is judged against, each with where its value comes from: a
 * value agreed with the customer, the segment's default from the segment-thresholds feed,
 * or the catalogue's default for the segment ({@code rules/thresholds.yml}) — the same
 * order the metrics step resolves them in.
 */
@Repository
class AccountThresholds {

	private final NamedParameterJdbcTemplate jdbc;

	AccountThresholds(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	List<Effective> of(long accountKey, String segment, ThresholdCatalogue catalogue) {
		Map<String, Effective> agreed = new LinkedHashMap<>();
		this.jdbc.query("SELECT name, threshold_value, agreed_on, note FROM account_thresholds WHERE account_id = :id",
				new MapSqlParameterSource("id", accountKey), (RowCallbackHandler) (rs) -> {
					java.sql.Date on = rs.getDate("agreed_on");
					agreed.put(rs.getString("name"), new Effective(rs.getString("name"), rs.getBigDecimal(2), "account",
							(on != null) ? on.toLocalDate() : null, rs.getString("note"), null));
				});
		Map<String, BigDecimal> fromFeed = new LinkedHashMap<>();
		this.jdbc.query("SELECT name, threshold_value FROM segment_thresholds WHERE segment = :segment",
				new MapSqlParameterSource("segment", segment),
				(RowCallbackHandler) (rs) -> fromFeed.put(rs.getString(1), rs.getBigDecimal(2)));
		TreeSet<String> names = new TreeSet<>(catalogue.names());
		names.addAll(agreed.keySet());
		names.addAll(fromFeed.keySet());
		List<Effective> effective = new ArrayList<>();
		for (String name : names) {
			Declared declared = catalogue.find(name).orElse(null);
			Effective value = agreed.get(name);
			if (value == null && fromFeed.containsKey(name)) {
				value = new Effective(name, fromFeed.get(name), "segment", null, null, segment);
			}
			if (value == null && declared != null && declared.defaultFor(segment).isPresent()) {
				value = new Effective(name, BigDecimal.valueOf(declared.defaultFor(segment).get()), "catalogue", null,
						null, segment);
			}
			if (value != null) {
				effective.add(value.declaredAs(declared, catalogue.isPresent()));
			}
		}
		return effective;
	}

	/**
	 * One threshold as the account is judged against it.
	 *
	 * @param source {@code account} (agreed with the customer), {@code segment} (the
	 * segment-thresholds feed) or {@code catalogue} (the default in
	 * {@code rules/thresholds.yml})
	 * @param agreedOn when it was agreed (an account value)
	 * @param note why it was agreed (an account value)
	 * @param segment whose default it is (a segment or catalogue value)
	 * @param unit the unit declared in the catalogue
	 * @param description the catalogue's description, in English and Japanese
	 * @param undeclared true when the catalogue does not declare the name (no rule can
	 * ask for it)
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Effective(String name, BigDecimal value, String source, LocalDate agreedOn, String note, String segment,
			String unit, Map<String, String> description, Boolean undeclared) {

		Effective(String name, BigDecimal value, String source, LocalDate agreedOn, String note, String segment) {
			this(name, value, source, agreedOn, note, segment, null, null, null);
		}

		Effective declaredAs(Declared declared, boolean catalogued) {
			if (declared == null) {
				return new Effective(this.name, this.value, this.source, this.agreedOn, this.note, this.segment, null,
						null, catalogued ? Boolean.TRUE : null);
			}
			return new Effective(this.name, this.value, this.source, this.agreedOn, this.note, this.segment,
					declared.unit(), Map.of("en", declared.description(), "ja", declared.descriptionJa()), null);
		}

	}

}
