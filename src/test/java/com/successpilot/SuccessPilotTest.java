package com.successpilot;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.TestExecutionListeners.MergeMode;

/**
 * A whole-application test on a private database (H2, or MariaDB with -Pmariadb) and a
 * private inbox; see {@link TestWorkspace}. A {@code MockMvc} is ready for API tests
 * (sign in with {@link TestUsers}). The application's clock is a {@link MutableClock},
 * standing still at the present when each test starts ({@link TestClock}): autowire it to
 * set the day or let time pass.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = TestWorkspace.class)
@Import(TestClock.class)
@TestExecutionListeners(listeners = TestClock.Reset.class, mergeMode = MergeMode.MERGE_WITH_DEFAULTS)
public @interface SuccessPilotTest {

}
