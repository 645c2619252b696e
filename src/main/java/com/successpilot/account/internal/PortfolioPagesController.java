package com.successpilot.account.internal;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import com.successpilot.security.SignedInUser;
import com.successpilot.system.InputProblem;
import com.successpilot.system.Page;
import com.successpilot.system.PageController;
import com.successpilot.system.PageLinks;
import com.successpilot.system.Paging;

/**
 * The CSM's account pages: their day ({@code /}), the portfolio with filters, sort, pages
 * and a CSV of it, and the renewals of the next 120 days in 30-day buckets. A CSM sees
 * only their own accounts; OPS and ADMIN all, or one CSM's with the {@code csm} filter. A
 * bad filter is shown on the page with a 400.
 */
@PageController
class PortfolioPagesController {

	static final int DEFAULT_SIZE = 50;

	static final int MAX_SIZE = 1000;

	static final int RENEWAL_DAYS = 120;

	private final PortfolioQueries portfolio;

	private final MyDayQueries day;

	private final HealthGrades grades;

	private final MessageSource messages;

	private final Clock clock;

	PortfolioPagesController(PortfolioQueries portfolio, MyDayQueries day, HealthGrades grades, MessageSource messages,
			Clock clock) {
		this.portfolio = portfolio;
		this.day = day;
		this.grades = grades;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/")
	String myDay(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) Long csm, Model model) {
		LocalDate today = LocalDate.now(this.clock);
		Long scope = scope(user, csm);
		model.addAttribute("today", today);
		model.addAttribute("ranked", this.day.ranked(scope, 10));
		model.addAttribute("overdue", this.day.overdue(scope, today, 20));
		model.addAttribute("comingBack", this.day.comingBack(scope, today.plusDays(7), 20));
		List<PortfolioRow> renewals = this.portfolio.renewals(AccountFilter.scopeOf(user), user.ownsOnly() ? null : csm,
				today, RENEWAL_DAYS);
		model.addAttribute("renewals", renewals.subList(0, Math.min(10, renewals.size())));
		model.addAttribute("renewalCount", renewals.size());
		model.addAttribute("drops", this.day.gradeDrops(scope, today.minusDays(7), 20));
		csmFilter(user, csm, model);
		return "accounts/day";
	}

	@GetMapping("/portfolio")
	String portfolio(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) String csm,
			@RequestParam(required = false) String segment, @RequestParam(required = false) String grade,
			@RequestParam(required = false) String stage, @RequestParam(required = false) Integer renewalWithinDays,
			@RequestParam(required = false) String q, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String dir, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, Model model, HttpServletResponse response) {
		Map<String, Object> filters = new LinkedHashMap<>();
		filters.put("csm", csm);
		filters.put("segment", segment);
		filters.put("grade", grade);
		filters.put("stage", stage);
		filters.put("renewalWithinDays", renewalWithinDays);
		filters.put("q", q);
		List<String> segments = this.portfolio.segments();
		List<String> stages = this.portfolio.stages();
		model.addAttribute("filters", filters);
		model.addAttribute("segments", segments);
		model.addAttribute("stages", stages);
		model.addAttribute("gradeOptions", List.of("A", "B", "C", "D"));
		model.addAttribute("windows", List.of(30, 60, 90, 120, 180, 365));
		model.addAttribute("sort", (sort != null && !sort.isBlank()) ? sort : PortfolioRequest.DEFAULT_SORT);
		model.addAttribute("descending", "desc".equalsIgnoreCase(dir));
		model.addAttribute("csms", user.ownsOnly() ? List.of() : this.portfolio.csms());
		model.addAttribute("sortLinks", sortLinks(sort, dir));
		model.addAttribute("words", words(segments, stages));
		try {
			PortfolioRequest request = request(user, csm, segment, grade, stage, renewalWithinDays, q, sort, dir,
					segments, stages);
			Page<PortfolioRow> rows = this.portfolio.page(request, Paging.of(page, size, DEFAULT_SIZE, MAX_SIZE));
			model.addAttribute("rows", rows);
			model.addAttribute("links", PageLinks.of(rows, ServletUriComponentsBuilder.fromCurrentRequest()));
			model.addAttribute("csvLink",
					ServletUriComponentsBuilder.fromCurrentRequest()
						.replacePath("/portfolio.csv")
						.replaceQueryParam("page")
						.replaceQueryParam("size")
						.build()
						.toUriString()
						.replaceFirst("^https?://[^/]+", ""));
		}
		catch (IllegalArgumentException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("problem", problem(ex));
		}
		return "accounts/portfolio";
	}

	@GetMapping("/portfolio.csv")
	void portfolioCsv(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) String csm,
			@RequestParam(required = false) String segment, @RequestParam(required = false) String grade,
			@RequestParam(required = false) String stage, @RequestParam(required = false) Integer renewalWithinDays,
			@RequestParam(required = false) String q, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String dir, HttpServletResponse response) throws IOException {
		PortfolioRequest request = request(user, csm, segment, grade, stage, renewalWithinDays, q, sort, dir,
				this.portfolio.segments(), this.portfolio.stages());
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition",
				"attachment; filename=\"portfolio-" + LocalDate.now(this.clock) + ".csv\"");
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		PortfolioCsv csv = new PortfolioCsv(out);
		csv.header();
		this.portfolio.each(request, csv::row);
		out.flush();
	}

	@GetMapping("/renewals")
	String renewals(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) Long csm, Model model) {
		LocalDate today = LocalDate.now(this.clock);
		List<PortfolioRow> rows = this.portfolio.renewals(AccountFilter.scopeOf(user), user.ownsOnly() ? null : csm,
				today, RENEWAL_DAYS);
		List<Bucket> buckets = new ArrayList<>();
		for (int days : List.of(30, 60, 90, 120)) {
			List<PortfolioRow> in = rows.stream().filter((row) -> row.bucket() == days).toList();
			buckets.add(new Bucket(days, (days == 30) ? 0 : days - 29, in,
					in.stream()
						.map(PortfolioRow::arr)
						.filter(java.util.Objects::nonNull)
						.reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add)));
		}
		model.addAttribute("today", today);
		model.addAttribute("buckets", buckets);
		model.addAttribute("total", rows.size());
		csmFilter(user, csm, model);
		return "accounts/renewals";
	}

	/**
	 * For each column, the address sorting by it, keeping the filters: the column shown
	 * sorted flips its direction, another starts ascending.
	 */
	private static Map<String, String> sortLinks(String sort, String dir) {
		String current = (sort != null && !sort.isBlank()) ? sort : PortfolioRequest.DEFAULT_SORT;
		Map<String, String> links = new LinkedHashMap<>();
		for (String column : PortfolioRequest.SORTS.keySet()) {
			boolean flip = column.equals(current) && !"desc".equalsIgnoreCase(dir);
			links.put(column,
					ServletUriComponentsBuilder.fromCurrentRequest()
						.replaceQueryParam("sort", column)
						.replaceQueryParam("dir", flip ? "desc" : "asc")
						.replaceQueryParam("page")
						.build()
						.toUriString()
						.replaceFirst("^https?://[^/]+", ""));
		}
		return links;
	}

	/**
	 * The words each row needs (stages, segments, trends), looked up once per page rather
	 * than once per row.
	 */
	private Map<String, String> words(List<String> segments, List<String> stages) {
		Map<String, String> words = new java.util.HashMap<>();
		java.util.Locale locale = LocaleContextHolder.getLocale();
		stages.forEach((stage) -> words.put("stage." + stage, word("account.stage." + stage, stage, locale)));
		segments
			.forEach((segment) -> words.put("segment." + segment, word("account.segment." + segment, segment, locale)));
		for (String trend : List.of("up", "down", "flat", "none")) {
			words.put("trend." + trend, word("account.trend." + trend, trend, locale));
		}
		return words;
	}

	private String word(String key, String fallback, java.util.Locale locale) {
		return this.messages.getMessage(key, null, fallback, locale);
	}

	/**
	 * The checked request; {@code segments} and {@code stages} are the values there are
	 * (read once per request).
	 */
	private PortfolioRequest request(SignedInUser user, String csm, String segment, String grade, String stage,
			Integer renewalWithinDays, String q, String sort, String dir, List<String> segments, List<String> stages) {
		if (segment != null && !segment.isBlank() && !segments.contains(segment.strip())) {
			throw new InputProblem("problem.not-one-of", "segment", segment, String.join(", ", segments));
		}
		if (stage != null && !stage.isBlank() && !stages.contains(stage.strip())) {
			throw new InputProblem("problem.not-one-of", "stage", stage, String.join(", ", stages));
		}
		return PortfolioRequest.of(csm, segment, grade, stage, renewalWithinDays, q, sort, dir,
				LocalDate.now(this.clock), user, this.grades);
	}

	/** OPS and ADMIN may narrow a page to one CSM; a CSM sees their own, whatever. */
	private static Long scope(SignedInUser user, Long csm) {
		return user.ownsOnly() ? AccountFilter.scopeOf(user) : csm;
	}

	private void csmFilter(SignedInUser user, Long csm, Model model) {
		model.addAttribute("csms", user.ownsOnly() ? List.of() : this.portfolio.csms());
		model.addAttribute("csm", user.ownsOnly() ? null : csm);
	}

	private String problem(Exception ex) {
		if (ex instanceof InputProblem input) {
			return word(input.key(), input.arguments());
		}
		return ex.getMessage();
	}

	private String word(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
	}

	/**
	 * The accounts renewing in one 30-day window, e.g. in 31–60 days, and their ARR.
	 */
	record Bucket(int toDays, int fromDays, List<PortfolioRow> rows, java.math.BigDecimal arr) {

	}

}
