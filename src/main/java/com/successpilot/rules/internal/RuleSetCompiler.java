package com.successpilot.rules.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

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

/**
 * Compiles a rules directory: every {@code .drl} and decision table in one knowledge
 * base, the playbooks beside them, and the checks between them. Reports every problem
 * with file and line; yields a knowledge base only when there is none.
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
					List.of());
		}
		try {
			return compile(rulesDir, RuleSetFiles.scan(dir));
		}
		catch (IOException ex) {
			return CompiledRuleSet.invalid(new RuleSetReport(rulesDir, "none", 0, 0, 0, 0,
					List.of(new RuleSetProblem(rulesDir.toString(), 0, "cannot read: " + ex))), List.of());
		}
	}

	private static CompiledRuleSet compile(Path rulesDir, RuleSetFiles files) throws IOException {
		List<RuleSetProblem> problems = new ArrayList<>();
		PlaybookLibrary playbooks = PlaybookLibrary.load(files.dir());
		playbooks.problems().forEach((p) -> problems.add(new RuleSetProblem(p.file(), p.line(), p.message())));
		if (files.ruleFiles().isEmpty() && files.decisionTables().isEmpty()) {
			problems.add(new RuleSetProblem(".", 0, "no .drl file or decision table found"));
		}
		problems.addAll(unknownPlaybooks(files, playbooks));
		AttentionPolicy attention = AttentionYaml.read(files.dir(), problems);

		KieServices kie = KieServices.Factory.get();
		KieFileSystem fileSystem = kie.newKieFileSystem();
		ReleaseId releaseId = kie.newReleaseId("com.successpilot.rules", "rules-" + UUID.randomUUID(), "1.0.0");
		fileSystem.generateAndWritePomXML(releaseId);
		for (Path path : allRuleFiles(files)) {
			fileSystem.write(RESOURCES + files.relative(path), Files.readAllBytes(path));
		}
		KieBuilder builder = kie.newKieBuilder(fileSystem).buildAll();
		for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
			if (message.getText().contains("Parser returned a null Package")) {
				// follows the parser's own errors on the same file, says nothing more
				continue;
			}
			problems.add(new RuleSetProblem(relative(message.getPath()), Math.max(message.getLine(), 0),
					message.getText().strip()));
		}

		String version = files.version();
		if (!problems.isEmpty()) {
			kie.getRepository().removeKieModule(releaseId);
			return CompiledRuleSet.invalid(new RuleSetReport(rulesDir, version, 0, files.ruleFiles().size(),
					files.decisionTables().size(), playbooks.size(), problems.stream().sorted().toList()),
					files.listing());
		}
		KieBase kieBase = newKieBase(kie, releaseId);
		int ruleCount = kieBase.getKiePackages().stream().mapToInt((pkg) -> pkg.getRules().size()).sum();
		boolean declaresPlaybookGlobal = kieBase.getKiePackages()
			.stream()
			.map(KiePackage::getGlobalVariables)
			.flatMap(Collection::stream)
			.anyMatch((global) -> global.getName().equals("playbook"));
		RuleSetReport report = new RuleSetReport(rulesDir, version, ruleCount, files.ruleFiles().size(),
				files.decisionTables().size(), playbooks.size(), List.of());
		return new CompiledRuleSet(report, files.listing(), kieBase, playbooks, declaresPlaybookGlobal, attention);
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

	private static List<Path> allRuleFiles(RuleSetFiles files) {
		List<Path> all = new ArrayList<>(files.ruleFiles());
		all.addAll(files.decisionTables());
		return all;
	}

	private static List<RuleSetProblem> unknownPlaybooks(RuleSetFiles files, PlaybookLibrary playbooks)
			throws IOException {
		List<RuleSetProblem> problems = new ArrayList<>();
		for (Path path : files.ruleFiles()) {
			problems.addAll(PlaybookReferences.unknown(files.relative(path), Files.readString(path), playbooks, true));
		}
		for (Path path : files.decisionTables()) {
			String drl = decisionTableAsDrl(path);
			if (drl != null) {
				problems.addAll(PlaybookReferences.unknown(files.relative(path), drl, playbooks, false));
			}
		}
		return problems;
	}

	/**
	 * The DRL a decision table stands for, or null when it cannot be read (the knowledge
	 * builder then reports why).
	 */
	static String decisionTableAsDrl(Path path) {
		try {
			byte[] content = Files.readAllBytes(path);
			InputType type = path.getFileName().toString().endsWith(".csv") ? InputType.CSV : InputType.XLS;
			return new SpreadsheetCompiler().compile(new ByteArrayInputStream(content), type);
		}
		catch (IOException | RuntimeException ex) {
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
