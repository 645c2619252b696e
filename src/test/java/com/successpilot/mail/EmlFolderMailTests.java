package com.successpilot.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.successpilot.SuccessPilotTest;
import com.successpilot.TestData;
import com.successpilot.ingest.ImportDefinition;
import com.successpilot.run.RunLauncher;
import com.successpilot.run.RunSummary;

import static com.successpilot.mail.MailPortfolio.MISAKI;

/**
 * Without {@code spring.mail.host} (the embedded default) the same outbox writes each
 * mail as an {@code .eml} file a newcomer can open.
 */
@SuccessPilotTest
class EmlFolderMailTests {

	private static final LocalDate NIGHT = LocalDate.of(2026, 11, 23);

	private static final Path FOLDER = Path
		.of("target", "test-work", "eml-" + UUID.randomUUID().toString().substring(0, 8))
		.toAbsolutePath();

	@Autowired
	RunLauncher launcher;

	@Autowired
	RunSummary summary;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ImportDefinition definition;

	@DynamicPropertySource
	static void emlFolder(DynamicPropertyRegistry registry) {
		registry.add("successpilot.mail.eml-dir", FOLDER::toString);
	}

	@BeforeEach
	void emptyDatabase() {
		TestData.deleteAll(this.jdbc);
	}

	@Test
	void withoutAnSmtpHostMailsAreWrittenAsEmlFilesPerCsm() throws Exception {
		MailPortfolio portfolio = new MailPortfolio(this.definition);
		portfolio.csms(MISAKI, "佐藤 美咲", "ja");
		portfolio.stalledOnboarding("ACC-1", "株式会社テスト1", MISAKI, NIGHT);
		assertThat(this.launcher.run("nightlyJob", NIGHT, true).getStatus()).isEqualTo(BatchStatus.COMPLETED);
		// the next night brings escalations: an urgent task, news for the CSM
		portfolio.escalations("ACC-1", NIGHT.plusDays(1));

		JobExecution run = this.launcher.run("nightlyJob", NIGHT.plusDays(1), true);

		assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		List<Path> files = emlFiles();
		assertThat(files).hasSize(3)
			.allSatisfy((file) -> assertThat(file.getParent().getFileName().toString()).isEqualTo(MISAKI));
		List<ReceivedMail> mails = files.stream().map(EmlFolderMailTests::read).toList();
		assertThat(mails)
			.anySatisfy((mail) -> assertThat(mail.subject()).isEqualTo("[SuccessPilot] 至急: 株式会社テスト1にエスカレーションの件で電話する"));
		assertThat(mails)
			.anySatisfy((mail) -> assertThat(mail.subject()).isEqualTo("[SuccessPilot] 2026年11月24日 担当アカウントのタスク 2件"));
		assertThat(mails).anySatisfy((mail) -> {
			// the first night's welcome digest parses back as MIME: Japanese subject
			// decoded, UTF-8 text then HTML
			assertThat(mail.subject()).isEqualTo("[SuccessPilot] SuccessPilotへようこそ — まず取り組むタスク");
			assertThat(mail.toName()).isEqualTo("佐藤 美咲");
			assertThat(mail.text()).startsWith("佐藤さん").contains("今週中に株式会社テスト1に最初の成果を届ける");
			assertThat(mail.html()).contains("<p>佐藤さん</p>");
			try {
				assertThat(mail.rawHeader("Subject")).startsWith("=?UTF-8?");
				assertThat(mail.message().getContentType()).startsWith("multipart/alternative");
				jakarta.mail.Multipart parts = (jakarta.mail.Multipart) mail.message().getContent();
				assertThat(parts.getBodyPart(0).getContentType()).isEqualToIgnoringCase("text/plain; charset=UTF-8");
				assertThat(parts.getBodyPart(1).getContentType()).isEqualToIgnoringCase("text/html; charset=UTF-8");
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		assertThat(this.jdbc.queryForList("SELECT status FROM mail_outbox", String.class)).containsOnly("SENT");
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		this.summary.print(run, new PrintStream(bytes, true, StandardCharsets.UTF_8));
		assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("written as .eml files under " + FOLDER)
			.containsPattern(MISAKI.replace(".", "\\.") + " +1 +1 +2 +0 +0 +0");

		this.launcher.run("nightlyJob", NIGHT.plusDays(1), false);
		assertThat(emlFiles()).hasSize(3);
	}

	private static List<Path> emlFiles() throws Exception {
		if (!Files.isDirectory(FOLDER)) {
			return List.of();
		}
		try (Stream<Path> files = Files.walk(FOLDER)) {
			return files.filter((file) -> file.toString().endsWith(".eml")).sorted().toList();
		}
	}

	private static ReceivedMail read(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			return ReceivedMail.of(new MimeMessage(Session.getInstance(new Properties()), in));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
