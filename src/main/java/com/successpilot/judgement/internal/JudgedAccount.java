package com.successpilot.judgement.internal;

import com.successpilot.metrics.AccountCase;
import com.successpilot.rules.AccountJudgement;

/**
 * An account and what the rules concluded about it.
 */
record JudgedAccount(AccountCase account, AccountJudgement judgement) {

}
