package com.successpilot.mail.internal;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;

import jakarta.mail.Session;

/**
 * Without an SMTP server (the embedded default): each mail becomes
 * {@code <folder>/<csm email>/<run date>-<kind>-<outbox id>.eml}, which any mail program
 * opens. Written to a temporary file and moved into place, so a file is whole or absent.
 */
final class EmlFolderTransport implements MailTransport {

	private final Path folder;

	private final String from;

	private final Session session = Session.getInstance(new Properties());

	private final Clock clock;

	EmlFolderTransport(Path folder, String from, Clock clock) {
		this.folder = folder.toAbsolutePath().normalize();
		this.from = from;
		this.clock = clock;
	}

	@Override
	public Connection open() {
		return new Connection() {

			@Override
			public String send(Map<String, Object> row) throws Exception {
				return write(row);
			}

			@Override
			public void close() {
			}

		};
	}

	private String write(Map<String, Object> row) throws Exception {
		String recipient = ((String) row.get("recipient")).replaceAll("[^A-Za-z0-9@._+-]", "_");
		Path directory = Files.createDirectories(this.folder.resolve(recipient));
		Path file = directory.resolve(
				row.get("run_date") + "-" + ((String) row.get("kind")).toLowerCase() + "-" + row.get("id") + ".eml");
		Path partial = Files.createTempFile(directory, ".sending-", ".tmp");
		try (OutputStream out = Files.newOutputStream(partial)) {
			OutboxMessage.of(this.session, row, this.from, this.clock.instant()).writeTo(out);
		}
		catch (Exception ex) {
			Files.deleteIfExists(partial);
			throw ex;
		}
		Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		return file.toString();
	}

	@Override
	public String description() {
		return "written as .eml files under " + this.folder;
	}

}
