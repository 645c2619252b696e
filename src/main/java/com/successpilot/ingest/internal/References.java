package com.successpilot.ingest.internal;

/**
 * Natural keys of rows imported by earlier feeds, resolved to database ids, so a row that
 * names an unknown account, CSM or goal is rejected with that reason.
 */
interface References {

	Long account(String externalId);

	Long csm(String email);

	Long goal(String externalId);

}
