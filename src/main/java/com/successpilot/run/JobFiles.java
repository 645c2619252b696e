package com.successpilot.run;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a job definition file of {@code batch-jobs/} as plain YAML (no custom types).
 */
public final class JobFiles {

	private JobFiles() {
	}

	/**
	 * @throws IllegalArgumentException naming the file when it is missing or not a YAML
	 * mapping
	 */
	@SuppressWarnings("unchecked")
	public static Map<String, Object> read(Path file) {
		if (!Files.isRegularFile(file)) {
			throw new IllegalArgumentException("Job definition " + file + " does not exist");
		}
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
			if (!(loaded instanceof Map)) {
				throw new IllegalArgumentException(file + ": must be a mapping of keys to values");
			}
			return (Map<String, Object>) loaded;
		}
		catch (YAMLException ex) {
			throw new IllegalArgumentException(file + ": is not valid YAML: " + ex.getMessage());
		}
		catch (IOException ex) {
			throw new IllegalArgumentException(file + ": cannot be read: " + ex.getMessage());
		}
	}

	/**
	 * A whole number setting of a job definition.
	 * @throws IllegalArgumentException naming the file, the key and the bad value
	 */
	public static int wholeNumber(Map<String, Object> root, String key, int min, Path file) {
		Object value = root.get(key);
		if (!(value instanceof Integer number) || number < min) {
			throw new IllegalArgumentException(
					file + ": " + key + " must be a whole number of at least " + min + ", not '" + value + "'");
		}
		return number;
	}

}
