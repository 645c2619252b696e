package com.successpilot.playbook;

/**
 * One step of a playbook's proven move, e.g. "Call the champion" due 3 days after the
 * task was raised: what the CSM does next, in order.
 *
 * @param text what to do, with {@code {placeholders}}
 * @param dueInDays days after the task was created by which it should be done
 */
public record PlaybookStep(LocalizedText text, int dueInDays) {

}
