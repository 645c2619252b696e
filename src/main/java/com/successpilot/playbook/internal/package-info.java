/**
 * Reading playbook YAML files with line numbers for every problem.
 */
package com.successpilot.playbook.internal;
