package com.successpilot.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;
import org.springframework.stereotype.Controller;

/**
 * A controller of pages a browser reads (not of the API): its bad input and unknown ids
 * are answered with the error page inside the layout, in the reader's language — 400
 * saying what was wrong, 404 — instead of the API's problem JSON. A page that shows its
 * own problems beside its form still catches them itself.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Controller
public @interface PageController {

	@AliasFor(annotation = Controller.class)
	String value() default "";

}
