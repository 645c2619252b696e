/**
 * The shell of the pages: model attributes every page gets, the sign-in page.
 */
package com.successpilot.web.internal;
