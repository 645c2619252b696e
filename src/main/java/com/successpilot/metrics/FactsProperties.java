package com.successpilot.metrics;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the facts history ({@code successpilot.facts.*}).
 *
 * @param retentionDays how many days of nightly facts ({@code account_facts}) are kept:
 * what {@code preview --date} and {@code backtest} can look back on. The metrics step
 * deletes the facts of older nights, range by range, as it computes tonight's
 */
@ConfigurationProperties("successpilot.facts")
@Validated
public record FactsProperties(@DefaultValue("400") @Positive int retentionDays) {

}
