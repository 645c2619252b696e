package com.successpilot.portfolio.internal;

import java.util.SplittableRandom;

/**
 * What respondents write next to their NPS score, by sentiment and language. Some
 * comments hold commas, quotes or a line break, as free text does.
 */
final class NpsComments {

	private static final String[] JAPANESE_PROMOTER = { "毎日の業務に欠かせません。", "導入後、請求処理が半分の時間で終わるようになりました。",
			"サポートの対応が早く、とても助かっています。", "他部署にも勧めています。" };

	private static final String[] JAPANESE_PASSIVE = { "便利ですが、レポートの自由度がもう少し欲しいです。", "概ね満足。ただ、動作が遅い時がある。",
			"機能は十分だが、設定が分かりにくい。" };

	private static final String[] JAPANESE_DETRACTOR = { "問い合わせへの回答が遅い。", "期待していた効果がまだ出ていません。", "価格に見合う価値を感じられない。",
			"「かんたん設定」と聞いていたが、結局外部に頼むことになった。" };

	private static final String[] ENGLISH_PROMOTER = { "Can't imagine our week without it.",
			"Cut our month-end close from 10 days to 6, brilliant.", "Support is fast, friendly and knows the product.",
			"We recommend it to every partner we work with." };

	private static final String[] ENGLISH_PASSIVE = { "Good product, but reporting could be more flexible.",
			"Does the job. Exports are slow at times.", "Solid, though the \"advanced\" settings are hard to find." };

	private static final String[] ENGLISH_DETRACTOR = { "Tickets take days to get an answer.",
			"We haven't seen the value we were promised, yet.", "Too expensive for what we use.",
			"Login problems every week.\nPlease fix SSO before our renewal." };

	private NpsComments() {
	}

	/**
	 * A comment, or {@code null} when the respondent left none (almost half do).
	 */
	static String draw(int score, boolean japanese, SplittableRandom random) {
		if (random.nextInt(100) >= 55) {
			return null;
		}
		String[] comments;
		if (score >= 9) {
			comments = japanese ? JAPANESE_PROMOTER : ENGLISH_PROMOTER;
		}
		else if (score >= 7) {
			comments = japanese ? JAPANESE_PASSIVE : ENGLISH_PASSIVE;
		}
		else {
			comments = japanese ? JAPANESE_DETRACTOR : ENGLISH_DETRACTOR;
		}
		return comments[random.nextInt(comments.length)];
	}

}
