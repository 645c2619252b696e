package com.successpilot.ingest.internal;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import com.successpilot.ingest.SourceDataSource;

/**
 * Opens connections to the data sources feeds are pulled from. The password is read when
 * connecting — from the environment variable or the secrets file the definition names —
 * and never appears in a message: a driver's message is cleaned of it before it is passed
 * on. A driver the application does not ship is loaded from the jars in the data source's
 * {@code drivers} folder (docs/sources.md).
 */
public final class SourceConnections {

	/** Seconds a connection attempt may take before the source counts as unreachable. */
	static final int LOGIN_TIMEOUT_SECONDS = 10;

	private static final Map<Path, ClassLoader> driverLoaders = new ConcurrentHashMap<>();

	private final UnaryOperator<String> environment;

	/**
	 * @param environment reads an environment variable ({@code System::getenv})
	 */
	public SourceConnections(UnaryOperator<String> environment) {
		this.environment = environment;
	}

	public static SourceConnections ofSystem() {
		return new SourceConnections(System::getenv);
	}

	/**
	 * @throws SourceException naming the data source, the URL without its query string
	 * and what went wrong, never the password
	 */
	public Connection open(SourceDataSource source) {
		String password = password(source);
		Properties properties = new Properties();
		if (source.user() != null) {
			properties.setProperty("user", source.user());
		}
		if (password != null) {
			properties.setProperty("password", password);
		}
		if (source.url().startsWith("jdbc:postgresql:")) {
			properties.setProperty("connectTimeout", String.valueOf(LOGIN_TIMEOUT_SECONDS));
			properties.setProperty("ApplicationName", "SuccessPilot");
		}
		else if (source.isMySql()) {
			properties.setProperty("connectTimeout", String.valueOf(LOGIN_TIMEOUT_SECONDS * 1000));
		}
		Driver driver = driver(source);
		try {
			Connection connection = driver.connect(source.url(), properties);
			if (connection == null) {
				throw new SourceException(source, "the driver " + driver.getClass().getName()
						+ " does not accept the URL " + source.printableUrl());
			}
			return connection;
		}
		catch (SQLException ex) {
			throw new SourceException(source, "cannot connect to " + source.printableUrl() + " as " + source.user()
					+ ": " + clean(ex.getMessage(), password));
		}
	}

	/**
	 * A driver's message without the password, should the driver have echoed it.
	 */
	static String clean(String message, String password) {
		if (message == null) {
			return "no reason given";
		}
		String cleaned = (password != null && password.length() > 0) ? message.replace(password, "****") : message;
		return Excerpt.of(cleaned.strip().replaceAll("\\s+", " "), 600);
	}

	private String password(SourceDataSource source) {
		if (source.passwordEnv() != null) {
			String value = this.environment.apply(source.passwordEnv());
			if (value == null) {
				throw new SourceException(source,
						"the environment variable " + source.passwordEnv() + " (its password-env) is not set");
			}
			return value;
		}
		if (source.passwordFile() != null) {
			try {
				List<String> lines = Files.readAllLines(source.passwordFile(), StandardCharsets.UTF_8);
				return lines.isEmpty() ? "" : lines.get(0).strip();
			}
			catch (IOException ex) {
				throw new SourceException(source, "cannot read its password-file " + source.passwordFile() + " ("
						+ ex.getClass().getSimpleName() + ")");
			}
		}
		return null;
	}

	private static Driver driver(SourceDataSource source) {
		try {
			return DriverManager.getDriver(source.url());
		}
		catch (SQLException ex) {
			// not one the application ships: look in the drivers folder
		}
		ClassLoader loader = driverLoaders.computeIfAbsent(source.drivers().toAbsolutePath().normalize(),
				SourceConnections::loaderOf);
		for (Driver driver : ServiceLoader.load(Driver.class, loader)) {
			try {
				if (driver.acceptsURL(source.url())) {
					return driver;
				}
			}
			catch (SQLException ex) {
				// a driver that cannot tell is not the one
			}
		}
		throw new SourceException(source,
				"no JDBC driver accepts the URL " + source.printableUrl() + "; SuccessPilot ships PostgreSQL and "
						+ "MySQL/MariaDB drivers, put the jar of any other into " + source.drivers()
						+ " (docs/sources.md)");
	}

	private static ClassLoader loaderOf(Path folder) {
		List<URL> jars = new ArrayList<>();
		if (Files.isDirectory(folder)) {
			try (Stream<Path> files = Files.list(folder)) {
				for (Path jar : files.filter((file) -> file.toString().endsWith(".jar")).sorted().toList()) {
					jars.add(jar.toUri().toURL());
				}
			}
			catch (IOException ex) {
				throw new IllegalStateException("Cannot list the drivers folder " + folder + ": " + ex.getMessage(),
						ex);
			}
		}
		return new URLClassLoader(jars.toArray(URL[]::new), SourceConnections.class.getClassLoader());
	}

}
