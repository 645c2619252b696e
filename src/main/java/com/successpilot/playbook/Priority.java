package com.successpilot.playbook;

/**
 * How soon a CSM should look at a playbook's tasks.
 */
public enum Priority {

	HIGH, MEDIUM, LOW

}
