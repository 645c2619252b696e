package com.successpilot.portfolio.internal;

import java.util.SplittableRandom;

/**
 * What customers write in a ticket's subject line, in Japanese and English; a few carry
 * commas or quotes, as people type them.
 */
final class TicketSubjects {

	private static final String[] JAPANESE = { "CSVインポートでエラーが発生する", "SSOの設定方法について", "請求書の宛名を変更したい", "ダッシュボードが表示されない",
			"ユーザーの一括招待ができない", "レポートの数値が合わない", "APIの利用上限について", "通知メールが届かない", "権限設定、ロールの違いを教えてください", "ログイン後に画面が真っ白になる",
			"データ連携が途中で止まる", "【至急】全社員がログインできません", "契約ライセンス数の追加について", "エクスポートしたファイルが文字化けする", "「保存」ボタンが反応しない",
			"パスワードリセットのメールが来ない" };

	private static final String[] ENGLISH = { "CSV import fails with an error", "How do I set up SSO?",
			"Please change the billing address on our invoice", "Dashboard does not load",
			"Cannot invite users in bulk", "Report totals do not match our data", "API rate limit exceeded",
			"Notification e-mails not arriving", "Roles, permissions and admin rights explained?",
			"Blank screen after login", "Salesforce sync stopped, urgent", "URGENT: nobody in the company can log in",
			"Adding licences to our contract", "Exported file shows garbled characters", "\"Save\" button does nothing",
			"Password reset e-mail never comes" };

	private TicketSubjects() {
	}

	/**
	 * A subject, usually in the customer's language (some teams write in English anyway).
	 */
	static String draw(boolean japaneseCustomer, SplittableRandom random) {
		boolean japanese = japaneseCustomer == (random.nextInt(10) != 0);
		String[] subjects = japanese ? JAPANESE : ENGLISH;
		return subjects[random.nextInt(subjects.length)];
	}

}
