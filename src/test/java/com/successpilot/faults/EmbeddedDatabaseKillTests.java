package com.successpilot.faults;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import com.successpilot.ChildJvm;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded default keeps what it committed when its process is killed. H2 writes
 * commits to its file in the background every 500 ms unless told otherwise, so a
 * {@code kill -9} used to lose the last half second of committed work (found by
 * {@link NightlyJobFaultsTests}: a step that had started was not in the job repository
 * after the kill). In a mail delivery, the lost work can be the claim of a mail already
 * handed to the SMTP server, which would then be sent again after the restart. The
 * shipped URL says {@code WRITE_DELAY=0}.
 */
class EmbeddedDatabaseKillTests {

	@Test
	void everyCommitAcknowledgedBeforeAKillIsInTheFileAfterIt() throws Exception {
		Path workDir = Files.createDirectories(Path.of("target", "test-work", "h2-kill-" + System.nanoTime()))
			.toAbsolutePath();
		String url = shippedDatabaseUrl().replace("./var/db/successpilot", workDir.resolve("db").toString());
		int acknowledged;
		try (ChildJvm child = ChildJvm.start(workDir, AcknowledgedCommits.class.getName(), List.of(url))) {
			child.awaitLine((line) -> line.equals("committed 300"), Duration.ofMinutes(1));
			child.kill();
			List<String> lines = child.output();
			acknowledged = Integer.parseInt(lines.get(lines.size() - 1).substring("committed ".length()));
		}

		try (Connection connection = DriverManager.getConnection(url, "sa", "");
				Statement statement = connection.createStatement();
				ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM acknowledged")) {
			assertThat(count.next()).isTrue();
			assertThat(count.getInt(1)).as("rows in the file of %d acknowledged commits", acknowledged)
				.isGreaterThanOrEqualTo(acknowledged);
		}
	}

	@SuppressWarnings("unchecked")
	private static String shippedDatabaseUrl() throws Exception {
		try (Reader in = Files.newBufferedReader(Path.of("src/main/resources/application.yml"))) {
			Map<String, Object> spring = (Map<String, Object>) new Yaml().<Map<String, Object>>load(in).get("spring");
			return (String) ((Map<String, Object>) spring.get("datasource")).get("url");
		}
	}

}
