package com.successpilot.ingest;

import java.nio.file.Path;
import java.util.Locale;

/**
 * A database feeds are pulled from, declared under {@code import.data-sources} in
 * {@code batch-jobs/}. The password is never in the definition: it is read, when a pull
 * connects, from an environment variable or a secrets file the definition names.
 *
 * @param name the name feeds refer to it by
 * @param url the JDBC URL (without credentials)
 * @param user the user to connect as
 * @param passwordEnv the environment variable holding the password, or {@code null}
 * @param passwordFile the file holding the password (its first line), or {@code null}
 * @param drivers the folder searched for driver jars when no driver of the application
 * accepts the URL
 */
public record SourceDataSource(String name, String url, String user, String passwordEnv, Path passwordFile,
		Path drivers) {

	/**
	 * The URL as it may be printed: without its query string, which some drivers accept
	 * credentials in.
	 */
	public String printableUrl() {
		int query = this.url.indexOf('?');
		return (query < 0) ? this.url : this.url.substring(0, query);
	}

	/**
	 * Whether the URL names a MySQL or MariaDB server (streamed differently).
	 */
	public boolean isMySql() {
		String lower = this.url.toLowerCase(Locale.ROOT);
		return lower.startsWith("jdbc:mysql:") || lower.startsWith("jdbc:mariadb:");
	}

}
