package com.successpilot.rules.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletResponse;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.successpilot.rules.InvalidRuleSetException;
import com.successpilot.rules.LiveRuleSet;
import com.successpilot.rules.RuleScenarios;
import com.successpilot.rules.RuleSet;
import com.successpilot.rules.RuleSetReport;
import com.successpilot.rules.RuleSetRollback;
import com.successpilot.rules.RuleSetSource;
import com.successpilot.rules.RuleSetVersions;
import com.successpilot.rules.ScenarioReport;
import com.successpilot.security.SignedInUser;
import com.successpilot.system.PageController;

/**
 * The rules pages (OPS): the version in force and how the last load went, whether the
 * files in {@code rules/} are valid now (each problem with file and line), the scenario
 * tests' results, every version that went live with its files and a diff between two, and
 * rolling back to a kept version (confirmed first; the page says what it overwrote). The
 * preview of the files against the latest night is {@code judgement}'s page
 * ({@code /rules/preview}).
 */
@PageController
class RulePagesController {

	private static final Log logger = LogFactory.getLog(RulePagesController.class);

	private final LiveRuleSet liveRuleSet;

	private final RuleSetVersions versions;

	private final MessageSource messages;

	private final AtomicReference<Checked> lastChecked = new AtomicReference<>();

	RulePagesController(LiveRuleSet liveRuleSet, RuleSetVersions versions, MessageSource messages) {
		this.liveRuleSet = liveRuleSet;
		this.versions = versions;
		this.messages = messages;
	}

	@GetMapping("/rules")
	String rules(Model model) throws IOException {
		if (this.liveRuleSet.status().lastAttempt() == null) {
			try {
				this.liveRuleSet.current();
			}
			catch (InvalidRuleSetException ex) {
				// the status says why; the page shows it
			}
		}
		LiveRuleSet.Status status = this.liveRuleSet.status();
		Checked checked = checked();
		List<RuleSetVersions.Version> kept = this.versions.list();
		model.addAttribute("status", status);
		model.addAttribute("live", status.liveSet().orElse(null));
		model.addAttribute("onDisk", checked.report());
		model.addAttribute("scenarios", checked.scenarios());
		model.addAttribute("versions", kept);
		model.addAttribute("latest", this.versions.latest().orElse(null));
		model.addAttribute("rulesDir", this.liveRuleSet.rulesDir());
		return "rules/overview";
	}

	@GetMapping("/rules/versions/{version}")
	String version(@PathVariable String version, Model model) {
		SortedMap<String, byte[]> files = this.versions.files(version);
		if (files.isEmpty()) {
			throw new RuleSetVersions.UnknownVersionException(version);
		}
		Map<String, String> texts = new LinkedHashMap<>();
		files.forEach((path, content) -> texts.put(path, new String(content, StandardCharsets.UTF_8)));
		model.addAttribute("version", version);
		model.addAttribute("files", texts);
		model.addAttribute("versions", this.versions.list());
		return "rules/version";
	}

	@GetMapping("/rules/diff")
	String diff(@RequestParam String from, @RequestParam String to, Model model) {
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("changes", this.versions.diff(from, to));
		model.addAttribute("versions", this.versions.list());
		return "rules/diff";
	}

	@GetMapping("/rules/rollback")
	String confirmRollback(@RequestParam String to, Model model) {
		if (this.versions.files(to).isEmpty()) {
			throw new RuleSetVersions.UnknownVersionException(to);
		}
		String current = this.liveRuleSet.status().liveSet().map(RuleSet::version).orElse(null);
		model.addAttribute("to", to);
		model.addAttribute("current", current);
		if (current != null && !current.equals(to)) {
			model.addAttribute("changes", this.versions.diff(current, to));
		}
		return "rules/rollback";
	}

	@PostMapping("/rules/rollback")
	String rollBack(@RequestParam String to, @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect)
			throws IOException {
		RuleSetRollback.Result result = new RuleSetRollback(this.versions).rollBack(this.liveRuleSet.rulesDir(), to,
				user.getUsername());
		if (result.overwritten().equals(to)) {
			redirect.addFlashAttribute("notice", word("rules.rollback.nothing", to));
			return "redirect:/rules";
		}
		RuleSetReport report = this.liveRuleSet.reload(RuleSetVersions.How.ROLLBACK, user.getUsername());
		logger.info(user.getUsername() + " rolled the rules back to " + to + ", overwriting " + result.overwritten());
		redirect.addFlashAttribute("notice", word("rules.rollback.done", to, result.overwritten(),
				result.written().size(), result.removed().size()));
		if (!result.compiles() || !report.isValid()) {
			redirect.addFlashAttribute("problem", word("rules.rollback.doesNotCompile", to));
		}
		redirect.addFlashAttribute("rolledBack", result);
		return "redirect:/rules";
	}

	@ExceptionHandler(RuleSetVersions.UnknownVersionException.class)
	String unknownVersion(RuleSetVersions.UnknownVersionException ex, Model model, HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		model.addAttribute("status", 404);
		return "error/4xx";
	}

	/**
	 * The files on disk validated and their scenarios run, once per version of the files:
	 * compiling and running them takes seconds, reading them to know their version does
	 * not.
	 */
	private Checked checked() throws IOException {
		String version = RuleSetSource.read(this.liveRuleSet.rulesDir()).version() + "+" + scenarioFilesHash();
		Checked last = this.lastChecked.get();
		if (last != null && last.version().equals(version)) {
			return last;
		}
		Checked now = new Checked(version, RuleSet.validate(this.liveRuleSet.rulesDir()),
				RuleScenarios.runAll(this.liveRuleSet.rulesDir()));
		this.lastChecked.set(now);
		return now;
	}

	/** The scenario files are not part of a version: their content counts too. */
	private int scenarioFilesHash() throws IOException {
		try (Stream<Path> files = Files.walk(this.liveRuleSet.rulesDir())) {
			int hash = 1;
			for (Path file : files.filter((path) -> path.toString().endsWith(".scenarios.yml")).sorted().toList()) {
				hash = 31 * hash + file.hashCode();
				hash = 31 * hash + Arrays.hashCode(Files.readAllBytes(file));
			}
			return hash;
		}
	}

	private record Checked(String version, RuleSetReport report, ScenarioReport scenarios) {

	}

	private String word(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
	}

}
