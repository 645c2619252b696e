package com.successpilot;

import org.hamcrest.Matcher;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What API tests expect over and over: a page of items, a problem with a status and a
 * message.
 */
public final class ApiExpectations {

	private ApiExpectations() {
	}

	/**
	 * A GET whose {@code name=value&…} pairs are sent as parameters (so {@code %} is a
	 * plain character).
	 */
	public static MockHttpServletRequestBuilder getWithQuery(String url, String query) {
		MockHttpServletRequestBuilder request = get(url);
		for (String pair : query.split("&")) {
			request.param(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
		}
		return request;
	}

	/**
	 * A 200 page of {@code total} items whose {@code field} values match {@code items}.
	 */
	@SuppressWarnings("unchecked")
	public static void expectPage(MockMvc mvc, RequestBuilder request, int total, String field, Matcher<?> items)
			throws Exception {
		ResultActions result = mvc.perform(request)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(total));
		if (total == 0) {
			result.andExpect(jsonPath("$.items", hasSize(0)));
		}
		else {
			result.andExpect(jsonPath("$.items[*]." + field).value((Matcher<Object>) items));
		}
	}

	/**
	 * A problem answer with this status whose detail contains {@code detail}.
	 */
	public static void expectProblem(MockMvc mvc, RequestBuilder request, int status, String detail) throws Exception {
		mvc.perform(request)
			.andExpect(status().is(status))
			.andExpect(jsonPath("$.status").value(status))
			.andExpect(jsonPath("$.detail").value(containsString(detail)));
	}

}
