package com.successpilot.portfolio.internal;

import java.util.SplittableRandom;

/**
 * Japanese and English person names, each with the romanised form an e-mail address is
 * made of.
 */
final class PersonNames {

	private static final String[][] JAPANESE_FAMILY = { { "佐藤", "sato" }, { "鈴木", "suzuki" }, { "高橋", "takahashi" },
			{ "田中", "tanaka" }, { "伊藤", "ito" }, { "渡辺", "watanabe" }, { "山本", "yamamoto" }, { "中村", "nakamura" },
			{ "小林", "kobayashi" }, { "加藤", "kato" }, { "吉田", "yoshida" }, { "山田", "yamada" }, { "佐々木", "sasaki" },
			{ "山口", "yamaguchi" }, { "松本", "matsumoto" }, { "井上", "inoue" }, { "木村", "kimura" }, { "林", "hayashi" },
			{ "清水", "shimizu" }, { "斎藤", "saito" }, { "森", "mori" }, { "池田", "ikeda" }, { "橋本", "hashimoto" },
			{ "石川", "ishikawa" }, { "前田", "maeda" }, { "藤田", "fujita" }, { "岡田", "okada" }, { "後藤", "goto" },
			{ "長谷川", "hasegawa" }, { "村上", "murakami" } };

	private static final String[][] JAPANESE_GIVEN = { { "美咲", "misaki" }, { "陽菜", "hina" }, { "結衣", "yui" },
			{ "葵", "aoi" }, { "さくら", "sakura" }, { "真央", "mao" }, { "彩花", "ayaka" }, { "優奈", "yuna" },
			{ "七海", "nanami" }, { "遥", "haruka" }, { "大翔", "hiroto" }, { "翔太", "shota" }, { "健太", "kenta" },
			{ "蓮", "ren" }, { "拓也", "takuya" }, { "悠真", "yuma" }, { "大輔", "daisuke" }, { "直樹", "naoki" },
			{ "亮", "ryo" }, { "誠", "makoto" }, { "恵", "megumi" }, { "智子", "tomoko" }, { "浩二", "koji" },
			{ "隆", "takashi" }, { "由美", "yumi" }, { "和也", "kazuya" }, { "千尋", "chihiro" }, { "光", "hikaru" },
			{ "航", "wataru" }, { "颯太", "sota" } };

	private static final String[] ENGLISH_FIRST = { "Emily", "James", "Olivia", "Daniel", "Sophia", "Michael", "Ava",
			"David", "Grace", "Ethan", "Chloe", "Noah", "Hannah", "Lucas", "Mia", "Ryan", "Zoe", "Samuel", "Laura",
			"Adam", "Priya", "Carlos", "Fatima", "Liam", "Nora", "Omar", "Elena", "Marcus", "Isabel", "Tom" };

	private static final String[] ENGLISH_LAST = { "Carter", "Bennett", "Hughes", "Foster", "Reed", "Morgan", "Patel",
			"Garcia", "Nguyen", "Kim", "Walsh", "Brooks", "Sullivan", "Hayes", "Price", "Ward", "Coleman", "Fischer",
			"Rossi", "Silva", "Novak", "Larsen", "Okafor", "Murphy", "Diaz", "Chen", "Park", "Evans", "Turner",
			"Shaw" };

	private PersonNames() {
	}

	/**
	 * A person's name and the local part of their e-mail address ({@code misaki.sato}).
	 */
	record PersonName(String name, String mailbox) {
	}

	static PersonName japanese(SplittableRandom random) {
		String[] family = pick(JAPANESE_FAMILY, random);
		String[] given = pick(JAPANESE_GIVEN, random);
		return new PersonName(family[0] + " " + given[0], given[1] + "." + family[1]);
	}

	static PersonName english(SplittableRandom random) {
		String first = ENGLISH_FIRST[random.nextInt(ENGLISH_FIRST.length)];
		String last = ENGLISH_LAST[random.nextInt(ENGLISH_LAST.length)];
		return new PersonName(first + " " + last, first.toLowerCase() + "." + last.toLowerCase());
	}

	private static String[] pick(String[][] names, SplittableRandom random) {
		return names[random.nextInt(names.length)];
	}

}
