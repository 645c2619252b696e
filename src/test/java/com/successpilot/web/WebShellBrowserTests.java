package com.successpilot.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shell around every page, in a real browser: the branded sign-in page, a failed
 * sign-in answered on the page (never with JSON, never returning to
 * {@code /favicon.ico}), navigation by role, error pages inside the layout, the reader's
 * language, a phone's width.
 */
@BrowserTest
class WebShellBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	DemoNights demo;

	@BeforeEach
	void demoNights() {
		this.demo = DemoNights.of(this.context);
	}

	@Test
	void aFailedSignInStaysOnTheBrandedPageAndTheNextOneLandsWhereTheBrowserWasGoing() {
		try (Browser browser = Browser.open(this.port, "en")) {
			browser.go("/tasks");
			assertThat(browser.path()).isEqualTo("/login");
			assertThat(browser.title()).isEqualTo("Sign in · SuccessPilot");
			assertThat(browser.find("label[for=username]").getText()).isEqualTo("User name (your email)");
			browser.screenshot("signin");

			// the browser fetches the icon by itself while signed out: it is served, not
			// saved
			browser.go("/favicon.ico").go("/login");
			browser.type("#username", this.demo.englishCsm().user().username())
				.type("#password", "not the password")
				.click("form button[type=submit]");
			assertThat(browser.path()).isEqualTo("/login?error");
			assertThat(browser.find("[role=alert]").getText()).contains("do not match");

			browser.type("#username", this.demo.englishCsm().user().username())
				.type("#password", this.demo.englishCsm().user().password())
				.click("form button[type=submit]");
			assertThat(browser.path()).isEqualTo("/tasks");
			assertThat(browser.text()).doesNotContain("\"status\"");
			assertThat(browser.find("header .who").getText()).contains(this.demo.englishCsm().name()).contains("CSM");
		}
	}

	@Test
	void eachRoleSeesItsSectionsAndTheCurrentOneIsMarked() {
		try (Browser csm = Browser.open(this.port, "en").signIn(this.demo.englishCsm().user());
				Browser ops = Browser.open(this.port, "en").signIn(this.demo.ops());
				Browser admin = Browser.open(this.port, "en").signIn(this.demo.admin())) {
			csm.go("/tasks");
			assertThat(csm.texts("header nav a")).containsExactly("My day", "Portfolio", "Renewals", "Tasks");
			assertThat(csm.find("header nav a[aria-current=page]").getText()).isEqualTo("Tasks");
			assertThat(ops.go("/tasks").texts("header nav a")).containsExactly("My day", "Portfolio", "Renewals",
					"Tasks", "Runs", "Rules", "Playbook results", "Mail");
			assertThat(admin.go("/tasks").texts("header nav a")).contains("Users");
			assertThat(csm.find("header .who").getText()).contains("CSM");
		}
	}

	@Test
	void aMissingPageAndAPageForAnotherRoleAnswerInsideTheLayout() {
		try (Browser csm = Browser.open(this.port, "en").signIn(this.demo.englishCsm().user())) {
			csm.go("/no-such-page");
			assertThat(csm.find("main h1").getText()).isEqualTo("Not found");
			assertThat(csm.texts("header nav a")).contains("My day");
			assertThat(csm.text()).doesNotContain("\"status\"");
			csm.screenshot("not-found");

			csm.go("/runs");
			assertThat(csm.find("main h1").getText()).isEqualTo("Not for your role");
			assertThat(csm.text()).contains("CS operations");
		}
	}

	@Test
	void aBadParameterThatThePageAnswersItselfKeepsTheNavigation() {
		try (Browser csm = Browser.open(this.port, "en").signIn(this.demo.englishCsm().user())) {
			csm.go("/portfolio?page=two");
			assertThat(csm.find("main [role=alert]").getText()).contains("'page'").contains("two");
			assertThat(csm.texts("header nav a")).containsExactly("My day", "Portfolio", "Renewals", "Tasks");
			assertThat(csm.find("header nav a[aria-current=page]").getText()).isEqualTo("Portfolio");
			assertThat(csm.find("header .who").getText()).contains(this.demo.englishCsm().name());
		}
	}

	@Test
	void aJapaneseReadingCsmGetsJapanesePagesAndAPhoneWidthStillShowsTheMenu() {
		try (Browser browser = Browser.open(this.port, "ja")) {
			browser.go("/login");
			assertThat(browser.title()).isEqualTo("サインイン · SuccessPilot");
			browser.signIn(this.demo.japaneseCsm().user()).go("/tasks");
			assertThat(browser.texts("header nav a")).containsExactly("今日の仕事", "担当アカウント", "更新", "タスク");
			browser.phoneWidth(true);
			assertThat(browser.find("header nav").isDisplayed()).isTrue();
			browser.screenshot("tasks-phone-ja");
		}
	}

}
