/**
 * The tasks API ({@code /api/tasks}): reading tasks with their evidence and history, and
 * the actions a person takes on them, scoped to the caller's accounts for CSMs.
 */
package com.successpilot.task.internal;
