/**
 * How the rule set is compiled from the rules directory (Drools knowledge builder,
 * playbook cross-checks, content hash) and how one account is judged in a session of its
 * own, recording failing rules instead of stopping.
 */
package com.successpilot.rules.internal;
