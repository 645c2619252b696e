package com.successpilot.portfolio.internal;

import java.util.SplittableRandom;

/**
 * Company names, half Japanese ({@code 株式会社さくらロジスティクス}), half English
 * ({@code Northwind Analytics Ltd.}); a few English ones carry a comma or quotes, as real
 * names do ({@code Harborview Labs, Inc.}). The kind of business in the name decides the
 * industry.
 */
final class CompanyNames {

	private static final String[] JAPANESE_STEMS = { "さくら", "あおば", "ひかり", "みらい", "つばさ", "こだま", "富士", "大和", "東海", "北斗",
			"瀬戸内", "湘南", "信濃", "出雲", "若葉", "日の出", "青空", "千代田", "浪速", "常盤", "白鷺", "丸の内", "朝日", "光陽", "新星", "銀河", "近江",
			"紀州", "武蔵野", "みなと" };

	private static final String[][] JAPANESE_BUSINESSES = { { "ロジスティクス", "logistics" }, { "商事", "wholesale" },
			{ "製作所", "manufacturing" }, { "工業", "manufacturing" }, { "フーズ", "food-and-beverage" },
			{ "ホールディングス", "conglomerate" }, { "テクノロジーズ", "software" }, { "システムズ", "software" }, { "物産", "wholesale" },
			{ "建設", "construction" }, { "製薬", "healthcare" }, { "電機", "electronics" }, { "メディカル", "healthcare" },
			{ "リテール", "retail" }, { "ソリューションズ", "it-services" }, { "不動産", "real-estate" }, { "精機", "manufacturing" },
			{ "運輸", "logistics" }, { "化学", "chemicals" }, { "食品", "food-and-beverage" }, { "証券", "finance" },
			{ "保険サービス", "insurance" }, { "デジタル", "it-services" }, { "ネットワークス", "telecommunications" },
			{ "エンジニアリング", "engineering" }, { "交通", "transportation" }, { "電子", "electronics" }, { "印刷", "printing" },
			{ "ホテルズ", "hospitality" }, { "アパレル", "retail" } };

	private static final String[] ENGLISH_STEMS = { "Northwind", "Bluefin", "Cedarline", "Harborview", "Summit Peak",
			"Redwood", "Silverline", "Granite Hill", "Pioneer Valley", "Evergreen", "Brightwater", "Ironbridge",
			"Maplecrest", "Lakeside", "Oakridge", "Stonegate", "Clearwater", "Highland", "Riverbend", "Sunridge",
			"Kestrel", "Bramble", "Copperfield", "Fairhaven", "Goldleaf", "Hollowell", "Juniper", "Larkspur",
			"Meridian", "Thornbury" };

	private static final String[][] ENGLISH_BUSINESSES = { { "Analytics", "software" }, { "Logistics", "logistics" },
			{ "Foods", "food-and-beverage" }, { "Manufacturing", "manufacturing" }, { "Health", "healthcare" },
			{ "Financial", "finance" }, { "Retail", "retail" }, { "Construction", "construction" },
			{ "Energy", "energy" }, { "Media", "media" }, { "Labs", "software" }, { "Systems", "it-services" },
			{ "Freight", "logistics" }, { "Outfitters", "retail" }, { "Insurance", "insurance" },
			{ "Robotics", "manufacturing" }, { "Pharma", "healthcare" }, { "Realty", "real-estate" },
			{ "Learning", "education" }, { "Hospitality", "hospitality" } };

	private static final String[] ENGLISH_SUFFIXES = { "Ltd.", "Inc.", "LLC", "Corp.", "GmbH", "Co.", "Group" };

	private static final String[] PARTNERS = { "Barnes", "Hart", "Whitaker", "Moreno", "Lindqvist", "Okafor",
			"Sterling", "Ashdown" };

	private CompanyNames() {
	}

	/**
	 * A company's name, its industry and whether it is Japanese (and so pays in JPY).
	 */
	record CompanyName(String name, String industry, boolean japanese) {
	}

	static CompanyName draw(SplittableRandom random) {
		return random.nextBoolean() ? japanese(random) : english(random);
	}

	private static CompanyName japanese(SplittableRandom random) {
		String stem = JAPANESE_STEMS[random.nextInt(JAPANESE_STEMS.length)];
		String[] business = JAPANESE_BUSINESSES[random.nextInt(JAPANESE_BUSINESSES.length)];
		String name = (random.nextInt(10) < 6) ? "株式会社" + stem + business[0] : stem + business[0] + "株式会社";
		return new CompanyName(name, business[1], true);
	}

	private static CompanyName english(SplittableRandom random) {
		String stem = ENGLISH_STEMS[random.nextInt(ENGLISH_STEMS.length)];
		String[] business = ENGLISH_BUSINESSES[random.nextInt(ENGLISH_BUSINESSES.length)];
		int style = random.nextInt(100);
		String name;
		String industry = business[1];
		if (style < 6) {
			name = stem + " " + business[0] + ", Inc.";
		}
		else if (style < 8) {
			name = PARTNERS[random.nextInt(PARTNERS.length)] + ", " + PARTNERS[random.nextInt(PARTNERS.length)]
					+ " & Partners LLP";
			industry = "professional-services";
		}
		else if (style < 10) {
			name = stem + " " + business[0] + " Ltd. (trading as \"" + stem + "\")";
		}
		else {
			name = stem + " " + business[0] + " " + ENGLISH_SUFFIXES[random.nextInt(ENGLISH_SUFFIXES.length)];
		}
		return new CompanyName(name, industry, false);
	}

}
