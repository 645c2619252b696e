package com.successpilot.run;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A test-only job, {@code latchJob}: one chunk step counting ten items two at a time,
 * which a test can hold after a given item (to look at a run in progress), fail at a
 * given item (to restart it), or have refused by its preflight.
 */
@TestConfiguration(proxyBeanMethods = false)
class LatchJob {

	static final String NAME = "latchJob";

	static final int ITEMS = 10;

	@Bean
	Gate latchGate() {
		return new Gate();
	}

	@Bean
	Job latchJob(JobRepository jobRepository, PlatformTransactionManager transactionManager, Gate gate) {
		var step = new StepBuilder("countingStep", jobRepository).<Integer, Integer>chunk(2)
			.transactionManager(transactionManager)
			.reader(new CountingReader())
			.writer(gate)
			.build();
		return new JobBuilder(NAME, jobRepository).start(RunProgress.counting(step, (stepExecution) -> ITEMS)).build();
	}

	@Bean
	RunPreflight latchPreflight(Gate gate) {
		return (job) -> {
			if (NAME.equals(job) && gate.refuse) {
				throw new RunPreflight.RunRefusedException("The latch is invalid, so the run did not start:\n  "
						+ "latch.yml:3: not a latch\n  latch.yml:7: not a latch either");
			}
		};
	}

	/**
	 * What the next run of the latch job does.
	 */
	static final class Gate implements ItemWriter<Integer> {

		volatile int holdAfter = -1;

		volatile int failAt = -1;

		volatile boolean refuse;

		volatile CountDownLatch reached = new CountDownLatch(1);

		volatile CountDownLatch release = new CountDownLatch(1);

		void reset() {
			this.holdAfter = -1;
			this.failAt = -1;
			this.refuse = false;
			this.reached = new CountDownLatch(1);
			this.release = new CountDownLatch(1);
		}

		void holdAfter(int item) {
			reset();
			this.holdAfter = item;
		}

		void awaitHeld() throws InterruptedException {
			if (!this.reached.await(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException("The latch job never reached item " + this.holdAfter);
			}
		}

		void open() {
			this.release.countDown();
		}

		@Override
		public void write(Chunk<? extends Integer> chunk) throws Exception {
			for (Integer item : chunk) {
				if (item == this.failAt) {
					throw new IllegalStateException("latchJob failed at item " + item + " as the test asked");
				}
				if (item == this.holdAfter) {
					this.reached.countDown();
					this.release.await(30, TimeUnit.SECONDS);
				}
			}
		}

	}

	/**
	 * Reads 1 … {@link #ITEMS}, restartable: the position is saved with every chunk.
	 */
	static final class CountingReader implements ItemStreamReader<Integer> {

		private int position;

		@Override
		public void open(ExecutionContext context) {
			this.position = context.getInt("position", 0);
		}

		@Override
		public void update(ExecutionContext context) {
			context.putInt("position", this.position);
		}

		@Override
		public Integer read() {
			return (this.position < ITEMS) ? ++this.position : null;
		}

	}

}
