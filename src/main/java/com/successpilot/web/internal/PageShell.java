package com.successpilot.web.internal;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.successpilot.security.Role;
import com.successpilot.security.SignedInUser;

/**
 * What every page's layout needs: who is signed in ({@code user}) and the navigation they
 * may use ({@code nav}), the current section marked. A CSM sees their day, portfolio,
 * renewals and tasks; OPS also runs, rules, playbook results and mail; ADMIN also users.
 * <p>
 * Added to every page rendered from a template, error pages included; answers of the API
 * and redirects are left alone. A page that an {@code @ExceptionHandler} answers (a bad
 * parameter, an unknown id) is not seen by {@link #postHandle}, which Spring calls only
 * after a handler that returned normally: for those the exception resolvers are wrapped,
 * so that their pages get the same shell.
 */
@Configuration(proxyBeanMethods = false)
public class PageShell implements WebMvcConfigurer, HandlerInterceptor {

	private static final List<Section> SECTIONS = List.of(new Section("/", "nav.home", Role.CSM),
			new Section("/portfolio", "nav.portfolio", Role.CSM, "/accounts"),
			new Section("/renewals", "nav.renewals", Role.CSM), new Section("/tasks", "nav.tasks", Role.CSM),
			new Section("/runs", "nav.runs", Role.OPS), new Section("/rules", "nav.rules", Role.OPS),
			new Section("/results", "nav.results", Role.OPS), new Section("/mail", "nav.mail", Role.OPS),
			new Section("/users", "nav.users", Role.ADMIN));

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
		resolvers.replaceAll((resolver) -> (request, response, handler, ex) -> {
			ModelAndView page = resolver.resolveException(request, response, handler, ex);
			addShell(request, page);
			return page;
		});
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView page) {
		addShell(request, page);
	}

	private static void addShell(HttpServletRequest request, ModelAndView page) {
		if (page == null || !page.isReference() || page.getViewName().startsWith("redirect:")
				|| page.getViewName().startsWith("forward:")) {
			return;
		}
		SignedInUser user = signedIn();
		if (!page.getModel().containsKey("user")) {
			page.addObject("user", user);
		}
		page.addObject("nav", links(user, request.getRequestURI().substring(request.getContextPath().length())));
	}

	/**
	 * The sections a user may open, the one holding {@code path} marked current.
	 */
	static List<NavLink> links(SignedInUser user, String path) {
		if (user == null) {
			return List.of();
		}
		return SECTIONS.stream()
			.filter((section) -> user.role().compareTo(section.role()) >= 0)
			.map((section) -> new NavLink(section.path(), section.label(), section.holds(path)))
			.toList();
	}

	private static SignedInUser signedIn() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) ? user : null;
	}

	/**
	 * A link of the navigation: where, its label's message key, and whether the page
	 * shown is in it.
	 */
	public record NavLink(String path, String label, boolean current) {

	}

	/**
	 * A section of the pages: its path, label, who may open it, and other paths that
	 * belong to it (an account's page is part of the portfolio).
	 */
	private record Section(String path, String label, Role role, String... alsoUnder) {

		boolean holds(String requested) {
			if ("/".equals(this.path)) {
				return "/".equals(requested) || requested.isEmpty();
			}
			if (under(requested, this.path)) {
				return true;
			}
			for (String other : this.alsoUnder) {
				if (under(requested, other)) {
					return true;
				}
			}
			return false;
		}

		private static boolean under(String requested, String path) {
			return requested.equals(path) || requested.startsWith(path + "/");
		}

	}

}
