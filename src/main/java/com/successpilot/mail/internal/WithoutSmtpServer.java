package com.successpilot.mail.internal;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * True when Spring Boot configures no mail sender (neither {@code spring.mail.host} nor
 * {@code spring.mail.jndi-name}), so mails are written as {@code .eml} files.
 */
class WithoutSmtpServer implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return !StringUtils.hasText(context.getEnvironment().getProperty("spring.mail.host"))
				&& !StringUtils.hasText(context.getEnvironment().getProperty("spring.mail.jndi-name"));
	}

}
