package com.successpilot;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Time in a {@link SuccessPilotTest}: a {@link MutableClock} stands in for the
 * application's clock, and is put back to the present before each test, so no test
 * inherits the time another one moved to. Autowire {@link MutableClock} to move it.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestClock {

	@Bean
	@Primary
	MutableClock mutableClock() {
		return new MutableClock();
	}

	/**
	 * Resets the context's clock before each test method, before its {@code @BeforeEach}
	 * methods run.
	 */
	public static class Reset extends AbstractTestExecutionListener {

		@Override
		public void beforeTestMethod(TestContext testContext) {
			testContext.getApplicationContext().getBean(MutableClock.class).reset();
		}

	}

}
