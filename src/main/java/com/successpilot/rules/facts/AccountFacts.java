package com.successpilot.rules.facts;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What the nightly metrics step knows about one customer account on one run date. Rules
 * read it; nobody changes it. Every field is documented with its unit in
 * {@code rules/README.md}.
 */
public final class AccountFacts {

	private final String accountId;

	private final String accountName;

	private final String segment;

	private final String industry;

	private final String lifecycleStage;

	private final String csmEmail;

	private final String csmName;

	private final String csmLanguage;

	private final LocalDate runDate;

	private final int daysSinceStart;

	private final Integer daysSinceGoLive;

	private final BigDecimal arr;

	private final String currency;

	private final int licensedSeats;

	private final Integer daysToRenewal;

	private final boolean autoRenew;

	private final double activeUsers7d;

	private final double activeUsers30d;

	private final double activeUsers90d;

	private final long logins7d;

	private final long logins30d;

	private final long logins90d;

	private final Double activeUsersTrendPct;

	private final Double loginsTrendPct;

	private final double seatUtilisationPct;

	private final Integer daysSinceLastLogin;

	private final Integer daysSinceLastValueMilestone;

	private final int valueMilestonesSinceStart;

	private final int valueMilestones30d;

	private final long keyEvents30d;

	private final int openTickets;

	private final int escalatedOpenTickets;

	private final int ticketsOpened30d;

	private final int escalations30d;

	private final Double avgCsat90d;

	private final Integer latestNps;

	private final String latestNpsRole;

	private final Integer previousNps;

	private final Integer npsChange;

	private final String latestNpsResponseId;

	private final LocalDate latestNpsAnsweredOn;

	private final String latestEscalationTicketId;

	private final LocalDate latestEscalationOpenedOn;

	private AccountFacts(Builder b) {
		this.accountId = b.accountId;
		this.accountName = b.accountName;
		this.segment = b.segment;
		this.industry = b.industry;
		this.lifecycleStage = b.lifecycleStage;
		this.csmEmail = b.csmEmail;
		this.csmName = b.csmName;
		this.csmLanguage = b.csmLanguage;
		this.runDate = b.runDate;
		this.daysSinceStart = b.daysSinceStart;
		this.daysSinceGoLive = b.daysSinceGoLive;
		this.arr = b.arr;
		this.currency = b.currency;
		this.licensedSeats = b.licensedSeats;
		this.daysToRenewal = b.daysToRenewal;
		this.autoRenew = b.autoRenew;
		this.activeUsers7d = b.activeUsers7d;
		this.activeUsers30d = b.activeUsers30d;
		this.activeUsers90d = b.activeUsers90d;
		this.logins7d = b.logins7d;
		this.logins30d = b.logins30d;
		this.logins90d = b.logins90d;
		this.activeUsersTrendPct = b.activeUsersTrendPct;
		this.loginsTrendPct = b.loginsTrendPct;
		this.seatUtilisationPct = b.seatUtilisationPct;
		this.daysSinceLastLogin = b.daysSinceLastLogin;
		this.daysSinceLastValueMilestone = b.daysSinceLastValueMilestone;
		this.valueMilestonesSinceStart = b.valueMilestonesSinceStart;
		this.valueMilestones30d = b.valueMilestones30d;
		this.keyEvents30d = b.keyEvents30d;
		this.openTickets = b.openTickets;
		this.escalatedOpenTickets = b.escalatedOpenTickets;
		this.ticketsOpened30d = b.ticketsOpened30d;
		this.escalations30d = b.escalations30d;
		this.avgCsat90d = b.avgCsat90d;
		this.latestNps = b.latestNps;
		this.latestNpsRole = b.latestNpsRole;
		this.previousNps = b.previousNps;
		this.npsChange = b.npsChange;
		this.latestNpsResponseId = b.latestNpsResponseId;
		this.latestNpsAnsweredOn = b.latestNpsAnsweredOn;
		this.latestEscalationTicketId = b.latestEscalationTicketId;
		this.latestEscalationOpenedOn = b.latestEscalationOpenedOn;
	}

	public static Builder builder() {
		return new Builder();
	}

	public String getAccountId() {
		return this.accountId;
	}

	public String getAccountName() {
		return this.accountName;
	}

	public String getSegment() {
		return this.segment;
	}

	public String getIndustry() {
		return this.industry;
	}

	public String getLifecycleStage() {
		return this.lifecycleStage;
	}

	public String getCsmEmail() {
		return this.csmEmail;
	}

	public String getCsmName() {
		return this.csmName;
	}

	/**
	 * The language the CSM reads ({@code ja}, {@code en}): the task texts are written in
	 * it.
	 */
	public String getCsmLanguage() {
		return this.csmLanguage;
	}

	public LocalDate getRunDate() {
		return this.runDate;
	}

	public int getDaysSinceStart() {
		return this.daysSinceStart;
	}

	public Integer getDaysSinceGoLive() {
		return this.daysSinceGoLive;
	}

	public BigDecimal getArr() {
		return this.arr;
	}

	public String getCurrency() {
		return this.currency;
	}

	public int getLicensedSeats() {
		return this.licensedSeats;
	}

	public Integer getDaysToRenewal() {
		return this.daysToRenewal;
	}

	public boolean isAutoRenew() {
		return this.autoRenew;
	}

	public double getActiveUsers7d() {
		return this.activeUsers7d;
	}

	public double getActiveUsers30d() {
		return this.activeUsers30d;
	}

	public double getActiveUsers90d() {
		return this.activeUsers90d;
	}

	public long getLogins7d() {
		return this.logins7d;
	}

	public long getLogins30d() {
		return this.logins30d;
	}

	public long getLogins90d() {
		return this.logins90d;
	}

	public Double getActiveUsersTrendPct() {
		return this.activeUsersTrendPct;
	}

	public Double getLoginsTrendPct() {
		return this.loginsTrendPct;
	}

	public double getSeatUtilisationPct() {
		return this.seatUtilisationPct;
	}

	public Integer getDaysSinceLastLogin() {
		return this.daysSinceLastLogin;
	}

	public Integer getDaysSinceLastValueMilestone() {
		return this.daysSinceLastValueMilestone;
	}

	public int getValueMilestonesSinceStart() {
		return this.valueMilestonesSinceStart;
	}

	public int getValueMilestones30d() {
		return this.valueMilestones30d;
	}

	public long getKeyEvents30d() {
		return this.keyEvents30d;
	}

	public int getOpenTickets() {
		return this.openTickets;
	}

	public int getEscalatedOpenTickets() {
		return this.escalatedOpenTickets;
	}

	public int getTicketsOpened30d() {
		return this.ticketsOpened30d;
	}

	public int getEscalations30d() {
		return this.escalations30d;
	}

	public Double getAvgCsat90d() {
		return this.avgCsat90d;
	}

	public Integer getLatestNps() {
		return this.latestNps;
	}

	public String getLatestNpsRole() {
		return this.latestNpsRole;
	}

	public Integer getPreviousNps() {
		return this.previousNps;
	}

	public Integer getNpsChange() {
		return this.npsChange;
	}

	/**
	 * The latest NPS answer's id in the survey tool: a new answer is a new occurrence, so
	 * a rule can raise a task per answer. {@code null} when no answer yet.
	 */
	public String getLatestNpsResponseId() {
		return this.latestNpsResponseId;
	}

	/**
	 * The day the latest NPS answer was given; {@code null} when no answer yet.
	 */
	public LocalDate getLatestNpsAnsweredOn() {
		return this.latestNpsAnsweredOn;
	}

	/**
	 * The ticket id of the escalated ticket opened most recently in the same 30 days as
	 * {@link #getEscalations30d()}: a new escalation is a new occurrence. {@code null}
	 * when none was escalated in those days.
	 */
	public String getLatestEscalationTicketId() {
		return this.latestEscalationTicketId;
	}

	/**
	 * The day that escalated ticket was opened; {@code null} when none.
	 */
	public LocalDate getLatestEscalationOpenedOn() {
		return this.latestEscalationOpenedOn;
	}

	@Override
	public String toString() {
		return "AccountFacts[" + this.accountId + " " + this.accountName + " on " + this.runDate + "]";
	}

	/**
	 * Builds an {@link AccountFacts}; unset numbers are zero and unset nullable values
	 * are {@code null} ("unknown").
	 */
	public static final class Builder {

		private String accountId;

		private String accountName;

		private String segment;

		private String industry;

		private String lifecycleStage;

		private String csmEmail;

		private String csmName;

		private String csmLanguage;

		private LocalDate runDate;

		private int daysSinceStart;

		private Integer daysSinceGoLive;

		private BigDecimal arr = BigDecimal.ZERO;

		private String currency;

		private int licensedSeats;

		private Integer daysToRenewal;

		private boolean autoRenew;

		private double activeUsers7d;

		private double activeUsers30d;

		private double activeUsers90d;

		private long logins7d;

		private long logins30d;

		private long logins90d;

		private Double activeUsersTrendPct;

		private Double loginsTrendPct;

		private double seatUtilisationPct;

		private Integer daysSinceLastLogin;

		private Integer daysSinceLastValueMilestone;

		private int valueMilestonesSinceStart;

		private int valueMilestones30d;

		private long keyEvents30d;

		private int openTickets;

		private int escalatedOpenTickets;

		private int ticketsOpened30d;

		private int escalations30d;

		private Double avgCsat90d;

		private Integer latestNps;

		private String latestNpsRole;

		private Integer previousNps;

		private Integer npsChange;

		private String latestNpsResponseId;

		private LocalDate latestNpsAnsweredOn;

		private String latestEscalationTicketId;

		private LocalDate latestEscalationOpenedOn;

		private Builder() {
		}

		public Builder accountId(String accountId) {
			this.accountId = accountId;
			return this;
		}

		public Builder accountName(String accountName) {
			this.accountName = accountName;
			return this;
		}

		public Builder segment(String segment) {
			this.segment = segment;
			return this;
		}

		public Builder industry(String industry) {
			this.industry = industry;
			return this;
		}

		public Builder lifecycleStage(String lifecycleStage) {
			this.lifecycleStage = lifecycleStage;
			return this;
		}

		public Builder csmEmail(String csmEmail) {
			this.csmEmail = csmEmail;
			return this;
		}

		public Builder csmName(String csmName) {
			this.csmName = csmName;
			return this;
		}

		public Builder csmLanguage(String csmLanguage) {
			this.csmLanguage = csmLanguage;
			return this;
		}

		public Builder runDate(LocalDate runDate) {
			this.runDate = runDate;
			return this;
		}

		public Builder daysSinceStart(int daysSinceStart) {
			this.daysSinceStart = daysSinceStart;
			return this;
		}

		public Builder daysSinceGoLive(Integer daysSinceGoLive) {
			this.daysSinceGoLive = daysSinceGoLive;
			return this;
		}

		public Builder arr(BigDecimal arr) {
			this.arr = arr;
			return this;
		}

		public Builder currency(String currency) {
			this.currency = currency;
			return this;
		}

		public Builder licensedSeats(int licensedSeats) {
			this.licensedSeats = licensedSeats;
			return this;
		}

		public Builder daysToRenewal(Integer daysToRenewal) {
			this.daysToRenewal = daysToRenewal;
			return this;
		}

		public Builder autoRenew(boolean autoRenew) {
			this.autoRenew = autoRenew;
			return this;
		}

		public Builder activeUsers7d(double activeUsers7d) {
			this.activeUsers7d = activeUsers7d;
			return this;
		}

		public Builder activeUsers30d(double activeUsers30d) {
			this.activeUsers30d = activeUsers30d;
			return this;
		}

		public Builder activeUsers90d(double activeUsers90d) {
			this.activeUsers90d = activeUsers90d;
			return this;
		}

		public Builder logins7d(long logins7d) {
			this.logins7d = logins7d;
			return this;
		}

		public Builder logins30d(long logins30d) {
			this.logins30d = logins30d;
			return this;
		}

		public Builder logins90d(long logins90d) {
			this.logins90d = logins90d;
			return this;
		}

		public Builder activeUsersTrendPct(Double activeUsersTrendPct) {
			this.activeUsersTrendPct = activeUsersTrendPct;
			return this;
		}

		public Builder loginsTrendPct(Double loginsTrendPct) {
			this.loginsTrendPct = loginsTrendPct;
			return this;
		}

		public Builder seatUtilisationPct(double seatUtilisationPct) {
			this.seatUtilisationPct = seatUtilisationPct;
			return this;
		}

		public Builder daysSinceLastLogin(Integer daysSinceLastLogin) {
			this.daysSinceLastLogin = daysSinceLastLogin;
			return this;
		}

		public Builder daysSinceLastValueMilestone(Integer daysSinceLastValueMilestone) {
			this.daysSinceLastValueMilestone = daysSinceLastValueMilestone;
			return this;
		}

		public Builder valueMilestonesSinceStart(int valueMilestonesSinceStart) {
			this.valueMilestonesSinceStart = valueMilestonesSinceStart;
			return this;
		}

		public Builder valueMilestones30d(int valueMilestones30d) {
			this.valueMilestones30d = valueMilestones30d;
			return this;
		}

		public Builder keyEvents30d(long keyEvents30d) {
			this.keyEvents30d = keyEvents30d;
			return this;
		}

		public Builder openTickets(int openTickets) {
			this.openTickets = openTickets;
			return this;
		}

		public Builder escalatedOpenTickets(int escalatedOpenTickets) {
			this.escalatedOpenTickets = escalatedOpenTickets;
			return this;
		}

		public Builder ticketsOpened30d(int ticketsOpened30d) {
			this.ticketsOpened30d = ticketsOpened30d;
			return this;
		}

		public Builder escalations30d(int escalations30d) {
			this.escalations30d = escalations30d;
			return this;
		}

		public Builder avgCsat90d(Double avgCsat90d) {
			this.avgCsat90d = avgCsat90d;
			return this;
		}

		public Builder latestNps(Integer latestNps) {
			this.latestNps = latestNps;
			return this;
		}

		public Builder latestNpsRole(String latestNpsRole) {
			this.latestNpsRole = latestNpsRole;
			return this;
		}

		public Builder previousNps(Integer previousNps) {
			this.previousNps = previousNps;
			return this;
		}

		public Builder npsChange(Integer npsChange) {
			this.npsChange = npsChange;
			return this;
		}

		public Builder latestNpsResponseId(String latestNpsResponseId) {
			this.latestNpsResponseId = latestNpsResponseId;
			return this;
		}

		public Builder latestNpsAnsweredOn(LocalDate latestNpsAnsweredOn) {
			this.latestNpsAnsweredOn = latestNpsAnsweredOn;
			return this;
		}

		public Builder latestEscalationTicketId(String latestEscalationTicketId) {
			this.latestEscalationTicketId = latestEscalationTicketId;
			return this;
		}

		public Builder latestEscalationOpenedOn(LocalDate latestEscalationOpenedOn) {
			this.latestEscalationOpenedOn = latestEscalationOpenedOn;
			return this;
		}

		public AccountFacts build() {
			if (this.accountId == null || this.accountId.isBlank()) {
				throw new IllegalStateException("AccountFacts need an accountId");
			}
			return new AccountFacts(this);
		}

	}

}
