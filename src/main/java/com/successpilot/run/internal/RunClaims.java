package com.successpilot.run.internal;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.core.task.TaskDecorator;

/**
 * At most one run per job in this process, claimed before the job repository is asked and
 * held until the run ends: two requests starting the same job at the same moment cannot
 * both pass the repository check, because the second finds the job claimed.
 * <p>
 * A run started in the background hands its claim to the thread that runs it
 * ({@link #handOverTo}); that thread releases it when the run ends.
 */
public final class RunClaims {

	private final ConcurrentMap<String, Claim> claims = new ConcurrentHashMap<>();

	private final ThreadLocal<Claim> handingOver = new ThreadLocal<>();

	/**
	 * @return the claim, or {@code null} when the job is already claimed
	 */
	public Claim claim(String job) {
		Claim claim = new Claim(job);
		return (this.claims.putIfAbsent(job, claim) == null) ? claim : null;
	}

	public boolean isClaimed(String job) {
		return this.claims.containsKey(job);
	}

	/**
	 * Releases the claim unless a background run took it over; then that run releases it
	 * when it ends.
	 */
	public void releaseUnlessHandedOver(Claim claim) {
		if (!claim.handedOver.get()) {
			this.claims.remove(claim.job, claim);
		}
	}

	/**
	 * Runs {@code start} so that the task it submits to an executor decorated with
	 * {@link #decorator()} takes the claim over.
	 */
	public <T, E extends Exception> T handOverTo(Claim claim, Starter<T, E> start) throws E {
		this.handingOver.set(claim);
		try {
			return start.start();
		}
		finally {
			this.handingOver.remove();
		}
	}

	/**
	 * For the executor running background runs: the task submitted while a claim is being
	 * handed over releases that claim when it ends.
	 */
	public TaskDecorator decorator() {
		return (task) -> {
			Claim claim = this.handingOver.get();
			if (claim == null || !claim.handedOver.compareAndSet(false, true)) {
				return task;
			}
			return () -> {
				try {
					task.run();
				}
				finally {
					this.claims.remove(claim.job, claim);
				}
			};
		};
	}

	/**
	 * The right to run a job in this process.
	 */
	public static final class Claim {

		private final String job;

		private final AtomicBoolean handedOver = new AtomicBoolean();

		private Claim(String job) {
			this.job = job;
		}

	}

	/**
	 * Something that starts a run and may fail.
	 */
	@FunctionalInterface
	public interface Starter<T, E extends Exception> {

		T start() throws E;

	}

}
