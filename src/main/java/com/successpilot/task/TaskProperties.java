package com.successpilot.task;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of what people do to tasks ({@code successpilot.tasks.*}).
 *
 * @param maxSnoozeDays how far ahead a task may be snoozed, in days from today: a later
 * date is refused (400), so no task is hidden for good by mistake
 */
@ConfigurationProperties("successpilot.tasks")
@Validated
public record TaskProperties(@DefaultValue("90") @Positive int maxSnoozeDays) {

}
