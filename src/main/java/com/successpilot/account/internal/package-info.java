/**
 * The accounts API ({@code /api/accounts}) and the SQL behind it.
 */
package com.successpilot.account.internal;
