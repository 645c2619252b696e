package com.successpilot.system;

import java.util.Map;

import org.slf4j.MDC;

import org.springframework.core.task.TaskDecorator;

/**
 * Carries the log context (the MDC: run id, job, business date) from the thread that
 * hands work to an executor into the thread that does it, and leaves a pooled thread as
 * it found it. The MDC belongs to one thread: without this, lines logged by the
 * partitions of a step would not say which run they belong to.
 */
public final class LogContextPropagation implements TaskDecorator {

	@Override
	public Runnable decorate(Runnable task) {
		Map<String, String> context = MDC.getCopyOfContextMap();
		return () -> {
			Map<String, String> before = MDC.getCopyOfContextMap();
			set(context);
			try {
				task.run();
			}
			finally {
				set(before);
			}
		};
	}

	private static void set(Map<String, String> context) {
		if (context == null) {
			MDC.clear();
		}
		else {
			MDC.setContextMap(context);
		}
	}

}
