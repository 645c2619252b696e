/**
 * Tasks: what the rules ask a CSM to do about an account, each with its why (rule, facts,
 * thresholds), owner, due date and status (open, done, snoozed until a date, dismissed,
 * auto-closed).
 * <p>
 * Owns {@code tasks} and {@code task_events} (who did what to a task, when). The API
 * ({@code /api/tasks}) and the task pages ({@code /tasks}) list, show and change tasks; a
 * CSM only the tasks they hold. A task is held by its account's CSM unless CS ops handed
 * it to another CSM ({@code tasks.assigned_csm_id}), then by that CSM, also after the
 * rules raise it again ({@link com.successpilot.task.TaskHolder}).
 * <p>
 * A task's deduplication key (playbook + account, plus a period where the playbook says
 * so) is held in {@code active_key} only while the task is open or snoozed, so a unique
 * index makes a second task for the same key impossible: a new firing refreshes the open
 * task instead, however often a night is re-run or restarted.
 */
package com.successpilot.task;
