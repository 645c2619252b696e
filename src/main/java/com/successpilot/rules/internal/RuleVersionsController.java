package com.successpilot.rules.internal;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.successpilot.rules.RuleSetVersions;

/**
 * {@code /api/rules/versions} (OPS): every rule set version that went live, with who made
 * it live, when and how; one version's files; what changed between two.
 */
@Tag(name = "rules")
@RestController
@RequestMapping("/api/rules/versions")
class RuleVersionsController {

	private final RuleSetVersions versions;

	RuleVersionsController(RuleSetVersions versions) {
		this.versions = versions;
	}

	@Operation(summary = "Every kept rule set version, the one that went live last first, with each time it went live")
	@GetMapping
	List<RuleSetVersions.Version> versions() {
		return this.versions.list();
	}

	@Operation(summary = "One version's files: path, size and content (text, or base64 for a spreadsheet)")
	@GetMapping("/{version}")
	Map<String, Object> version(@PathVariable String version) {
		SortedMap<String, byte[]> files = this.versions.files(version);
		if (files.isEmpty()) {
			throw new RuleSetVersions.UnknownVersionException(version);
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("version", version);
		body.put("activations",
				this.versions.list()
					.stream()
					.filter((kept) -> kept.version().equals(version))
					.findFirst()
					.map(RuleSetVersions.Version::activations)
					.orElse(List.of()));
		body.put("files", files.entrySet().stream().map((file) -> file(file.getKey(), file.getValue())).toList());
		return body;
	}

	@Operation(summary = "What changed from one version to another, file by file, as unified diffs")
	@GetMapping("/{from}/diff/{to}")
	Map<String, Object> diff(@PathVariable String from, @PathVariable String to) {
		return Map.of("from", from, "to", to, "files", this.versions.diff(from, to));
	}

	@ExceptionHandler(RuleSetVersions.UnknownVersionException.class)
	ProblemDetail unknownVersion(RuleSetVersions.UnknownVersionException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	private static Map<String, Object> file(String path, byte[] content) {
		Map<String, Object> file = new LinkedHashMap<>();
		file.put("path", path);
		file.put("bytes", content.length);
		try {
			file.put("text", StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(content)).toString());
		}
		catch (CharacterCodingException ex) {
			file.put("base64", Base64.getEncoder().encodeToString(content));
		}
		return file;
	}

}
