package com.successpilot.task.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One thing a person did to a task.
 *
 * @param action {@code DONE}, {@code SNOOZE}, {@code DISMISS} or {@code REOPEN}
 * @param actor the username
 * @param note the note, or the reason of a dismissal
 * @param snoozedUntil the date a snooze runs to
 */
record TaskEvent(String action, String actor, LocalDateTime at, String note, LocalDate snoozedUntil) {

}
