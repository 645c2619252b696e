package com.successpilot;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ContextConfiguration;

/**
 * A whole-application test on a private database (H2, or MariaDB with -Pmariadb) and a
 * private inbox; see {@link TestWorkspace}. A {@code MockMvc} is ready for API tests
 * (sign in with {@link TestUsers}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = TestWorkspace.class)
public @interface SuccessPilotTest {

}
