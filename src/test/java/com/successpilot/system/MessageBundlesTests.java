package com.successpilot.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text a person reads exists in English and Japanese: each message bundle the
 * application reads ({@code spring.messages.basename}) has both files, with the same
 * keys, and no Japanese text left empty.
 */
class MessageBundlesTests {

	@Test
	void everyBundleHasTheSameKeysInEnglishAndJapanese() throws IOException {
		PropertySource<?> settings = new YamlPropertySourceLoader()
			.load("settings", new ClassPathResource("application.yml"))
			.get(0);
		String[] basenames = String.valueOf(settings.getProperty("spring.messages.basename")).split(",");
		assertThat(basenames).hasSizeGreaterThan(1);
		for (String basename : basenames) {
			Map<Object, Object> english = read(basename.strip() + ".properties");
			Map<Object, Object> japanese = read(basename.strip() + "_ja.properties");
			Set<Object> onlyEnglish = new TreeSet<>(english.keySet());
			onlyEnglish.removeAll(japanese.keySet());
			Set<Object> onlyJapanese = new TreeSet<>(japanese.keySet());
			onlyJapanese.removeAll(english.keySet());
			assertThat(onlyEnglish).as("%s: keys without Japanese", basename).isEmpty();
			assertThat(onlyJapanese).as("%s: keys without English", basename).isEmpty();
			assertThat(japanese.entrySet()).as("%s: Japanese texts left empty", basename)
				.noneMatch((entry) -> entry.getValue().toString().isBlank());
		}
	}

	private static Map<Object, Object> read(String file) throws IOException {
		ClassPathResource resource = new ClassPathResource(file);
		assertThat(resource.exists()).as(file).isTrue();
		Properties properties = new Properties();
		try (InputStream in = resource.getInputStream()) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
