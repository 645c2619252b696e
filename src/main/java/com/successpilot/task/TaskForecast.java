package com.successpilot.task;

import java.util.List;

/**
 * What raising a chunk's tasks would do to the tasks stored, foreseen without writing:
 * the tasks that would be created, the stored ones whose priority would change, those
 * that would be closed because their rule no longer raises them, and the stored tasks
 * that stay active (for the attention budget).
 */
public record TaskForecast(List<RaisedTask> created, List<Reprioritised> reprioritised, List<StoredTask> closed,
		List<StoredTask> stayActive) {

	/**
	 * A task as stored, open, snoozed or held back.
	 *
	 * @param rankScore its score, the new one when the forecast raises it again
	 */
	public record StoredTask(long id, long accountKey, Long ownerKey, String activeKey, String playbook,
			String priority, String status, boolean autoClose, double rankScore) {

		/**
		 * The same task with the score a raise gives it.
		 */
		public StoredTask scored(double score) {
			return new StoredTask(this.id, this.accountKey, this.ownerKey, this.activeKey, this.playbook, this.priority,
					this.status, this.autoClose, score);
		}

	}

	/**
	 * A stored task raised again with another priority.
	 */
	public record Reprioritised(StoredTask before, RaisedTask now) {

	}

}
