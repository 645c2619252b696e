package com.successpilot.system.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.env.OriginTrackedMapPropertySource;
import org.springframework.boot.origin.Origin;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.stereotype.Component;

import com.successpilot.system.NearestName;

/**
 * Refuses to start while a configuration file (config/application.yml, or the defaults in
 * the jar) sets a {@code successpilot.*} key SuccessPilot does not have: a misspelt
 * setting would otherwise be ignored in silence and its default used. Every unknown key
 * is listed, with its file and line and the nearest real setting. The real settings are
 * the ones the typed properties classes declare, read from the configuration metadata the
 * build generates from them.
 */
@Component
class SettingNamesCheck implements BeanFactoryPostProcessor, EnvironmentAware {

	static final String PREFIX = "successpilot.";

	private static final String METADATA = "META-INF/spring-configuration-metadata.json";

	private ConfigurableEnvironment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = (ConfigurableEnvironment) environment;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		List<String> problems = problems(this.environment, knownSettings(getClass().getClassLoader()));
		if (!problems.isEmpty()) {
			throw new IllegalStateException(
					((problems.size() == 1) ? "Unknown setting: " : problems.size() + " unknown settings:\n  ")
							+ String.join("\n  ", problems));
		}
	}

	/**
	 * Every unknown {@code successpilot.*} key of the environment's configuration files,
	 * as {@code "<file and line>: <key> is not a SuccessPilot setting — did you mean …"}.
	 */
	static List<String> problems(ConfigurableEnvironment environment, KnownSettings known) {
		List<String> problems = new ArrayList<>();
		for (PropertySource<?> source : environment.getPropertySources()) {
			if (!(source instanceof OriginTrackedMapPropertySource file)) {
				continue;
			}
			for (String name : file.getPropertyNames()) {
				if (name.toLowerCase(Locale.ROOT).startsWith(PREFIX) && !known.knows(name)) {
					Origin origin = file.getOrigin(name);
					problems.add(((origin != null) ? origin.toString() : source.getName()) + ": " + name
							+ " is not a SuccessPilot setting" + NearestName.suggestion(name, known.names()));
				}
			}
		}
		return problems;
	}

	static KnownSettings knownSettings(ClassLoader classLoader) {
		Set<String> names = new TreeSet<>();
		Set<String> maps = new TreeSet<>();
		JsonMapper json = JsonMapper.builder().build();
		try {
			Enumeration<URL> resources = classLoader.getResources(METADATA);
			for (URL resource : Collections.list(resources)) {
				try (InputStream in = resource.openStream()) {
					for (JsonNode property : json.readTree(in).path("properties")) {
						String name = property.path("name").asString();
						if (name.startsWith(PREFIX)) {
							names.add(name);
							if (property.path("type").asString().startsWith("java.util.Map")) {
								maps.add(name);
							}
						}
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the settings' metadata", ex);
		}
		return new KnownSettings(names, maps);
	}

	/**
	 * The settings SuccessPilot has.
	 *
	 * @param names every {@code successpilot.*} setting, in the canonical form
	 * ({@code successpilot.mail.web-base-url})
	 * @param maps those holding a map, under which any key is fine
	 */
	record KnownSettings(Set<String> names, Set<String> maps) {

		boolean knows(String name) {
			String plain = name.replaceAll("\\[[^]]*]", "");
			String relaxed = relaxed(plain);
			return this.names.stream().anyMatch((known) -> relaxed(known).equals(relaxed))
					|| this.maps.stream().anyMatch((map) -> relaxed.startsWith(relaxed(map) + "."));
		}

		/**
		 * webBaseUrl, web-base-url and web_base_url are one setting to Spring's binder.
		 */
		private static String relaxed(String name) {
			return name.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
		}

	}

}
