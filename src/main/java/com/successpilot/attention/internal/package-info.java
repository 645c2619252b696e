/**
 * The attention step and its ledger.
 */
package com.successpilot.attention.internal;
