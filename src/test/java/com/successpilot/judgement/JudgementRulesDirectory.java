package com.successpilot.judgement;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The rules directory of the judgement tests that bring rule sets of their own: one fixed
 * directory, so those tests share one application context (and its database connections)
 * instead of starting one each.
 */
public final class JudgementRulesDirectory {

	/** The value of {@code successpilot.rules.dir} for these tests. */
	public static final String DIR = "target/test-rules/judgement";

	public static final Path PATH = Path.of(DIR).toAbsolutePath();

	private JudgementRulesDirectory() {
	}

	/**
	 * Replaces the directory's content with a copy of {@code source}.
	 */
	public static void fillWith(Path source) throws IOException {
		if (Files.exists(PATH)) {
			try (Stream<Path> paths = Files.walk(PATH)) {
				paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
			}
		}
		try (Stream<Path> paths = Files.walk(source)) {
			for (Path path : paths.toList()) {
				Path target = PATH.resolve(source.relativize(path).toString());
				if (Files.isDirectory(path)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(path, target);
				}
			}
		}
	}

}
