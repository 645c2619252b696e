package com.successpilot.portfolio.internal;

import java.util.List;

/**
 * SMART success goals customers set with their CSM: the customer's own business metric,
 * where it stands and where it should be. Each has a Japanese and an English wording.
 */
final class GoalTemplates {

	static final List<GoalTemplate> ALL = List.of(
			new GoalTemplate(
					"請求書処理時間を50%削減", "Cut invoice processing time by 50%", "invoice_processing_hours", "hours", 40, 20),
			new GoalTemplate("解約率を5%に低減", "Reduce churn to 5%", "customer_churn_pct", "%", 9, 5),
			new GoalTemplate("問い合わせの一次回答を4時間以内に", "Answer customer enquiries within 4 hours", "first_response_hours",
					"hours", 12, 4),
			new GoalTemplate("月次決算を5営業日で完了", "Close the books in 5 working days", "month_end_close_days", "days", 10,
					5),
			new GoalTemplate("納期遵守率を98%に向上", "Raise on-time delivery to 98%", "on_time_delivery_pct", "%", 91, 98),
			new GoalTemplate("商談の成約率を25%に", "Lift the sales win rate to 25%", "win_rate_pct", "%", 18, 25),
			new GoalTemplate("在庫回転日数を20%短縮", "Cut days of inventory by 20%", "inventory_days", "days", 45, 36),
			new GoalTemplate("新入社員の立ち上がりを10日に", "Get new hires productive in 10 days", "new_hire_ramp_days", "days", 25,
					10),
			new GoalTemplate("セルフサービスのレポート作成を月200件に", "Reach 200 self-service reports a month", "self_service_reports",
					"reports", 40, 200),
			new GoalTemplate("手入力の工数を月100時間削減", "Save 100 hours of manual data entry a month", "manual_entry_hours",
					"hours", 160, 60),
			new GoalTemplate("顧客満足度(CSAT)を4.5に", "Raise customer CSAT to 4.5", "customer_csat", "score", 3.9, 4.5),
			new GoalTemplate("見積作成時間を半減", "Halve quote turnaround time", "quote_turnaround_hours", "hours", 48, 24),
			new GoalTemplate("欠品率を1%に", "Reduce stock-outs to 1%", "stockout_rate_pct", "%", 4, 1), new GoalTemplate(
					"リピート購入率を35%に", "Grow repeat purchases to 35% of customers", "repeat_purchase_pct", "%", 22, 35));

	private GoalTemplates() {
	}

	/**
	 * A goal as worded for the customer, with the metric it is measured by.
	 *
	 * @param japaneseName the goal in Japanese
	 * @param englishName the goal in English
	 * @param metric a short snake_case metric name
	 * @param unit the unit of baseline and target
	 * @param baseline where the metric stood when the goal was set
	 * @param target where it should be at the due date
	 */
	record GoalTemplate(String japaneseName, String englishName, String metric, String unit, double baseline,
			double target) {

		String name(boolean japanese) {
			return japanese ? this.japaneseName : this.englishName;
		}

	}

}
