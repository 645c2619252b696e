package com.successpilot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The relative links of Markdown files, checked against the files of a repository:
 * {@code [text](path)}, {@code [text](path#anchor)}, {@code [text](#anchor)} and
 * reference definitions {@code [id]: path}. A link must name a file or folder inside the
 * repository; an anchor must name a heading of the Markdown file it points to (GitHub's
 * rule: lower case, punctuation dropped, spaces as hyphens). Links to other sites are not
 * followed; code blocks and code spans are not links.
 */
final class MarkdownLinks {

	private static final Pattern INLINE = Pattern
		.compile("!?\\[(?:[^\\[\\]]|\\[[^\\]]*\\])*\\]\\(\\s*<?([^)\\s>]*)>?(?:\\s+\"[^\"]*\")?\\s*\\)");

	private static final Pattern DEFINITION = Pattern.compile("^\\s{0,3}\\[[^\\]]+\\]:\\s*<?(\\S+?)>?(?:\\s+.*)?$");

	private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

	private static final Pattern HEADING = Pattern.compile("^\\s{0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");

	private static final Pattern CODE_SPAN = Pattern.compile("`+[^`]*`+");

	private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(```|~~~)");

	private final Path root;

	private final Map<Path, Set<String>> anchors = new HashMap<>();

	MarkdownLinks(Path root) {
		this.root = root.toAbsolutePath().normalize();
	}

	/**
	 * A link that leads nowhere: where it is written, what it points at and why it fails.
	 */
	record BrokenLink(Path file, int line, String target, String reason) {

		@Override
		public String toString() {
			return this.file + ":" + this.line + ": " + this.target + " (" + this.reason + ")";
		}

	}

	/**
	 * A relative link as written in a file.
	 */
	record Link(Path file, int line, String target) {

	}

	/**
	 * The Markdown files to check: the given files, and every {@code *.md} under the
	 * given folders; those that do not exist are left out.
	 */
	List<Path> markdownFiles(List<String> files, List<String> folders) {
		List<Path> found = new ArrayList<>();
		files.stream().map(this.root::resolve).filter(Files::isRegularFile).forEach(found::add);
		for (String folder : folders) {
			Path dir = this.root.resolve(folder);
			if (Files.isDirectory(dir)) {
				try (Stream<Path> walk = Files.walk(dir)) {
					walk.filter((path) -> path.toString().endsWith(".md"))
						.filter(Files::isRegularFile)
						.sorted()
						.forEach(found::add);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
		}
		return found;
	}

	/**
	 * Every relative link in a file (links to other sites and {@code mailto:} left out).
	 */
	List<Link> links(Path file) {
		List<Link> links = new ArrayList<>();
		boolean inFence = false;
		List<String> lines = lines(file);
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			if (FENCE.matcher(line).find()) {
				inFence = !inFence;
				continue;
			}
			if (inFence) {
				continue;
			}
			String text = CODE_SPAN.matcher(line).replaceAll("");
			Matcher inline = INLINE.matcher(text);
			while (inline.find()) {
				add(links, file, i + 1, inline.group(1));
			}
			Matcher definition = DEFINITION.matcher(text);
			if (definition.matches()) {
				add(links, file, i + 1, definition.group(1));
			}
		}
		return links;
	}

	/**
	 * What is wrong with a link, or {@code null} when it leads somewhere.
	 */
	BrokenLink check(Link link) {
		String target = link.target();
		int hash = target.indexOf('#');
		String path = (hash >= 0) ? target.substring(0, hash) : target;
		String anchor = (hash >= 0) ? target.substring(hash + 1) : null;
		Path resolved = path.isEmpty() ? link.file() : link.file().getParent().resolve(decode(path)).normalize();
		Path relativeFile = this.root.relativize(link.file());
		if (!resolved.startsWith(this.root)) {
			return new BrokenLink(relativeFile, link.line(), target, "points outside the repository");
		}
		if (!Files.exists(resolved)) {
			return new BrokenLink(relativeFile, link.line(), target, "no such file: " + this.root.relativize(resolved));
		}
		if (anchor != null && !anchor.isEmpty() && resolved.toString().endsWith(".md")
				&& !anchors(resolved).contains(decode(anchor).toLowerCase(Locale.ROOT))) {
			return new BrokenLink(relativeFile, link.line(), target,
					"no heading '#" + anchor + "' in " + this.root.relativize(resolved));
		}
		return null;
	}

	/**
	 * The anchors GitHub gives the headings of a Markdown file.
	 */
	Set<String> anchors(Path file) {
		return this.anchors.computeIfAbsent(file, (markdown) -> {
			Set<String> slugs = new HashSet<>();
			Map<String, Integer> seen = new HashMap<>();
			boolean inFence = false;
			for (String line : lines(markdown)) {
				if (FENCE.matcher(line).find()) {
					inFence = !inFence;
					continue;
				}
				Matcher heading = HEADING.matcher(line);
				if (!inFence && heading.matches()) {
					String slug = slug(heading.group(2));
					int count = seen.merge(slug, 1, Integer::sum);
					slugs.add((count == 1) ? slug : slug + "-" + (count - 1));
				}
			}
			return slugs;
		});
	}

	/**
	 * GitHub's anchor for a heading: its text without Markdown, in lower case, with
	 * punctuation dropped and spaces turned into hyphens.
	 */
	static String slug(String heading) {
		String text = heading.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1").replaceAll("[*`]", "");
		return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\p{M} _-]", "").replace(' ', '-');
	}

	private static void add(List<Link> links, Path file, int line, String target) {
		if (!target.isEmpty() && !SCHEME.matcher(target).find() && !target.startsWith("//")) {
			links.add(new Link(file, line, target));
		}
	}

	private static String decode(String part) {
		return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
	}

	private static List<String> lines(Path file) {
		try {
			return Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
