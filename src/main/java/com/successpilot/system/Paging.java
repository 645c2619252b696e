package com.successpilot.system;

import java.util.List;

/**
 * Which page of a list a request asks for, checked: page 0 or more, size between 1 and
 * the list's maximum. A bad value is a 400 naming the parameter, never a 500.
 *
 * @param page 0-based
 */
public record Paging(int page, int size) {

	/**
	 * @param page the {@code page} parameter, {@code null} for the first
	 * @param size the {@code size} parameter, {@code null} for the default
	 */
	public static Paging of(Integer page, Integer size, int defaultSize, int maxSize) {
		int checkedPage = (page != null) ? page : 0;
		int checkedSize = (size != null) ? size : defaultSize;
		if (checkedPage < 0) {
			throw new IllegalArgumentException("Parameter 'page' must be 0 or more (got " + checkedPage + ")");
		}
		if (checkedSize < 1 || checkedSize > maxSize) {
			throw new IllegalArgumentException(
					"Parameter 'size' must be between 1 and " + maxSize + " (got " + checkedSize + ")");
		}
		return new Paging(checkedPage, checkedSize);
	}

	/**
	 * How many items come before this page.
	 */
	public long offset() {
		return (long) this.page * this.size;
	}

	public <T> Page<T> of(List<T> items, long total) {
		return new Page<>(items, this.page, this.size, total);
	}

}
