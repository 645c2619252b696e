package com.successpilot.system;

import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The paging links of a list page: the page shown (0-based), how many pages and items
 * there are, and the addresses of the previous and next page, keeping every other query
 * parameter (filters, sort) as the browser sent it; links are relative to the server.
 * Rendered by the {@code pager} fragment of {@code templates/layout.html}.
 */
public record PageLinks(int page, int pages, long total, String previous, String next) {

	/**
	 * @param page the page of the list shown
	 * @param here the address of the page as requested (path and query), e.g.
	 * {@code ServletUriComponentsBuilder.fromCurrentRequest()}
	 */
	public static PageLinks of(Page<?> page, UriComponentsBuilder here) {
		int pages = (int) Math.max(1, (page.total() + page.size() - 1) / page.size());
		return new PageLinks(page.page(), pages, page.total(), at(here, page.page() - 1), at(here, page.page() + 1));
	}

	public boolean hasPrevious() {
		return this.page > 0;
	}

	public boolean hasNext() {
		return this.page + 1 < this.pages;
	}

	private static String at(UriComponentsBuilder here, int page) {
		UriComponents link = here.cloneBuilder().replaceQueryParam("page", Math.max(0, page)).build();
		return link.getPath() + "?" + link.getQuery();
	}

}
