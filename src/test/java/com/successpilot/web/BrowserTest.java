package com.successpilot.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.TestExecutionListeners.MergeMode;

import com.successpilot.TestClock;
import com.successpilot.TestWorkspace;

/**
 * A page test in a real browser: the whole application on a random port, on a private
 * database (H2, or MariaDB with -Pmariadb) holding the demo portfolio judged over several
 * nights ({@link DemoNights}), driven by Debian's headless chromium ({@link Browser}).
 * Every browser test class carries exactly this annotation, so they share one application
 * and one set of demo nights.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestWorkspace.class)
@Import(TestClock.class)
@TestExecutionListeners(listeners = TestClock.Reset.class, mergeMode = MergeMode.MERGE_WITH_DEFAULTS)
public @interface BrowserTest {

}
