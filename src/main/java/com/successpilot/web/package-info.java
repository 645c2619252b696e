/**
 * The web app's shell: the layout every page shares (header, navigation by role, footer),
 * the sign-in page, the error pages a browser sees (404, 403, 500 inside the layout,
 * never JSON), and the icon. The pages themselves belong to the features whose data they
 * show (tasks, accounts, runs, rules, mail, users); they render with the fragments of
 * {@code templates/layout.html} and get {@code user} and {@code nav} from
 * {@link com.successpilot.web.internal.PageShell}.
 */
package com.successpilot.web;
