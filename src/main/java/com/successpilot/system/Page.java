package com.successpilot.system;

import java.util.List;

/**
 * One page of a list the API answers with: the items, which page (0-based) of which size
 * they are, and how many there are in all.
 */
public record Page<T>(List<T> items, int page, int size, long total) {

}
