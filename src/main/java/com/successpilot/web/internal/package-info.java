/**
 * The shell of the pages: model attributes every page gets, error pages included
 * ({@code PageShell}); the bad input and unknown ids of every page controller answered as
 * pages ({@code PageErrors}); the sign-in page.
 */
package com.successpilot.web.internal;
