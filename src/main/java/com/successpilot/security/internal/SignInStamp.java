package com.successpilot.security.internal;

/**
 * What a password sign-in records beside the user: where from, and the user's session
 * version at that moment (a browser session keeps it to notice later changes).
 */
record SignInStamp(String remoteAddress, int sessionVersion) {

}
