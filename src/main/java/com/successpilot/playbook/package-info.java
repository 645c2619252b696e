/**
 * Playbooks: the organisation's agreed responses to a judgement (what tasks to create,
 * for whom, how urgent, how often), defined by CS ops in {@code rules/playbooks/*.yml}
 * and read with the rule set. Owns the playbook YAML format, its validation, and the
 * placeholder text of task templates; creating and deduplicating tasks from responses is
 * the task feature's job.
 */
package com.successpilot.playbook;
