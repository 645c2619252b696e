package com.successpilot.rules.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.runtime.KieContainer;
import org.kie.internal.conf.ConsequenceExceptionHandlerOption;

import com.successpilot.playbook.PlaybookLibrary;
import com.successpilot.rules.AttentionPolicy;
import com.successpilot.rules.RuleSetProblem;
import com.successpilot.rules.RuleSetReport;
import com.successpilot.rules.RuleSetSource;
import com.successpilot.rules.ThresholdCatalogue;

/**
 * Compiles a rules directory: every {@code .drl} and decision table in one knowledge
 * base, the playbooks beside them, and the checks between them. Reports every problem
 * with file and line; yields a knowledge base only when there is none. Everything is
 * compiled from one {@link RuleSetSource}, the bytes read once, whose hash is the
 * version.
 */
public final class RuleSetCompiler {

	// written under rules/ so that a file's folder matches its DRL package
	// (rules.adoption …)
	private static final String RESOURCES = "src/main/resources/rules/";

	private RuleSetCompiler() {
	}

	public static CompiledRuleSet compile(Path rulesDir) {
		Path dir = rulesDir.toAbsolutePath().normalize();
		if (!Files.isDirectory(dir)) {
			return CompiledRuleSet.invalid(
					new RuleSetReport(rulesDir, "none", 0, 0, 0, 0,
							List.of(new RuleSetProblem(rulesDir.toString(), 0, "the rules directory does not exist"))),
					null);
		}
		RuleSetSource source;
		try {
			source = RuleSetSource.read(rulesDir);
		}
		catch (IOException ex) {
			return CompiledRuleSet.invalid(new RuleSetReport(rulesDir, "none", 0, 0, 0, 0,
					List.of(new RuleSetProblem(rulesDir.toString(), 0, "cannot read: " + ex))), null);
		}
		return compile(source);
	}

	public static CompiledRuleSet compile(RuleSetSource source) {
		List<RuleSetProblem> problems = new ArrayList<>();
		PlaybookLibrary playbooks = PlaybookLibrary.parse(contents(source, RuleSetFiles::isPlaybook));
		playbooks.problems().forEach((p) -> problems.add(new RuleSetProblem(p.file(), p.line(), p.message())));
		Map<String, byte[]> ruleFiles = contents(source, RuleSetFiles::isRuleFile);
		Map<String, byte[]> decisionTables = contents(source, RuleSetFiles::isDecisionTable);
		if (ruleFiles.isEmpty() && decisionTables.isEmpty()) {
			problems.add(new RuleSetProblem(".", 0, "no .drl file or decision table found"));
		}
		problems.addAll(unknownPlaybooks(ruleFiles, decisionTables, playbooks));
		ThresholdCatalogue thresholds = ThresholdCatalogueYaml
			.read(source.content(ThresholdCatalogue.FILE).orElse(null), problems);
		problems.addAll(undeclaredThresholds(ruleFiles, decisionTables, thresholds));
		AttentionPolicy attention = AttentionYaml.read(source.content(AttentionPolicy.FILE).orElse(null), problems);

		KieServices kie = KieServices.Factory.get();
		KieFileSystem fileSystem = kie.newKieFileSystem();
		ReleaseId releaseId = kie.newReleaseId("com.successpilot.rules", "rules-" + UUID.randomUUID(), "1.0.0");
		fileSystem.generateAndWritePomXML(releaseId);
		ruleFiles.forEach((path, content) -> fileSystem.write(RESOURCES + path, content));
		decisionTables.forEach((path, content) -> fileSystem.write(RESOURCES + path, content));
		KieBuilder builder = kie.newKieBuilder(fileSystem).buildAll();
		List<EngineMessages.EngineMessage> messages = new ArrayList<>();
		for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
			if (message.getText().contains("Parser returned a null Package")) {
				// follows the parser's own errors on the same file, says nothing more
				continue;
			}
			messages.add(new EngineMessages.EngineMessage(relative(message.getPath()), Math.max(message.getLine(), 0),
					message.getText().strip()));
		}
		Map<String, String> texts = new LinkedHashMap<>();
		ruleFiles.forEach((path, content) -> texts.put(path, new String(content, StandardCharsets.UTF_8)));
		problems.addAll(EngineMessages.translate(messages, texts));

		if (!problems.isEmpty()) {
			kie.getRepository().removeKieModule(releaseId);
			return CompiledRuleSet.invalid(new RuleSetReport(source.rulesDir(), source.version(), 0, ruleFiles.size(),
					decisionTables.size(), playbooks.size(), problems.stream().sorted().toList()), source);
		}
		KieBase kieBase = newKieBase(kie, releaseId);
		int ruleCount = kieBase.getKiePackages().stream().mapToInt((pkg) -> pkg.getRules().size()).sum();
		boolean declaresPlaybookGlobal = kieBase.getKiePackages()
			.stream()
			.map(KiePackage::getGlobalVariables)
			.flatMap(Collection::stream)
			.anyMatch((global) -> global.getName().equals("playbook"));
		RuleSetReport report = new RuleSetReport(source.rulesDir(), source.version(), ruleCount, ruleFiles.size(),
				decisionTables.size(), playbooks.size(), List.of());
		return new CompiledRuleSet(report, source, RuleSetFiles.listing(source.paths(), source.scenarioFiles()),
				kieBase, playbooks, declaresPlaybookGlobal, attention, thresholds);
	}

	private static KieBase newKieBase(KieServices kie, ReleaseId releaseId) {
		KieContainer container = kie.newKieContainer(releaseId);
		KieBaseConfiguration configuration = kie.newKieBaseConfiguration();
		configuration.setOption(ConsequenceExceptionHandlerOption.get(RecordingConsequenceExceptionHandler.class));
		KieBase kieBase = container.newKieBase(configuration);
		// the knowledge base keeps what it needs; the repository need not keep every
		// version
		kie.getRepository().removeKieModule(releaseId);
		return kieBase;
	}

	private static Map<String, byte[]> contents(RuleSetSource source, Predicate<String> kind) {
		Map<String, byte[]> contents = new LinkedHashMap<>();
		source.paths().stream().filter(kind).forEach((path) -> contents.put(path, source.content(path).orElseThrow()));
		return contents;
	}

	private static List<RuleSetProblem> unknownPlaybooks(Map<String, byte[]> ruleFiles,
			Map<String, byte[]> decisionTables, PlaybookLibrary playbooks) {
		List<RuleSetProblem> problems = new ArrayList<>();
		ruleFiles.forEach((path, content) -> problems
			.addAll(PlaybookReferences.unknown(path, new String(content, StandardCharsets.UTF_8), playbooks, true)));
		decisionTables.forEach((path, content) -> {
			String drl = decisionTableAsDrl(path, content);
			if (drl != null) {
				problems.addAll(PlaybookReferences.unknown(path, drl, playbooks, false));
			}
		});
		return problems;
	}

	private static List<RuleSetProblem> undeclaredThresholds(Map<String, byte[]> ruleFiles,
			Map<String, byte[]> decisionTables, ThresholdCatalogue catalogue) {
		List<RuleSetProblem> problems = new ArrayList<>();
		ruleFiles.forEach((path, content) -> problems.addAll(
				ThresholdReferences.undeclared(path, new String(content, StandardCharsets.UTF_8), catalogue, true)));
		decisionTables.forEach((path, content) -> {
			String drl = decisionTableAsDrl(path, content);
			if (drl != null) {
				problems.addAll(ThresholdReferences.undeclared(path, drl, catalogue, false));
			}
		});
		return problems;
	}

	/**
	 * The DRL a decision table stands for, or null when it cannot be read (the knowledge
	 * builder then reports why).
	 */
	static String decisionTableAsDrl(String path, byte[] content) {
		try {
			InputType type = path.endsWith(".csv") ? InputType.CSV : InputType.XLS;
			return new SpreadsheetCompiler().compile(new ByteArrayInputStream(content), type);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static String relative(String path) {
		if (path == null) {
			return ".";
		}
		for (String prefix : List.of(RESOURCES, "rules/")) {
			if (path.startsWith(prefix)) {
				return path.substring(prefix.length());
			}
		}
		return path;
	}

}
