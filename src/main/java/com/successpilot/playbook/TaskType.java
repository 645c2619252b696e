package com.successpilot.playbook;

/**
 * What kind of task a playbook creates.
 */
public enum TaskType {

	RISK, OPPORTUNITY, LIFECYCLE, RENEWAL, EXPANSION, ADVOCACY

}
