/**
 * How requests are signed in and what each role may reach.
 */
package com.successpilot.security.internal;
