package com.successpilot;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The application's command line run in a JVM of its own, with the test classpath, in a
 * working directory like an installation's: its own {@code rules/} and
 * {@code batch-jobs/}, and the embedded database, inbox and mail folder under
 * {@code var/}. For what a test context cannot do: set logging up differently, or die the
 * way a process dies ({@link #kill()} is {@code kill -9}).
 * <p>
 * The output (stdout and stderr) is read line by line as it comes, so a test can wait for
 * a line ({@link #awaitLine}) and act at that moment.
 */
public final class ChildJvm implements AutoCloseable {

	private final Process process;

	private final List<String> output = new CopyOnWriteArrayList<>();

	private final Thread reader;

	private boolean outputEnded;

	private ChildJvm(Process process) {
		this.process = process;
		this.reader = new Thread(this::readOutput, "child-jvm-" + process.pid());
		this.reader.setDaemon(true);
		this.reader.start();
	}

	/**
	 * A new working directory under {@code target/test-work} with copies of the project's
	 * {@code rules/} and {@code batch-jobs/}.
	 */
	public static Path workingDirectory(String prefix) {
		Path workDir = Path.of("target", "test-work", prefix + "-" + UUID.randomUUID().toString().substring(0, 8))
			.toAbsolutePath();
		copy(Path.of("rules"), workDir.resolve("rules"));
		copy(Path.of("batch-jobs"), workDir.resolve("batch-jobs"));
		return workDir;
	}

	/**
	 * Starts {@code java com.successpilot.SuccessPilotApplication <arguments>} in
	 * {@code workDir}.
	 */
	public static ChildJvm start(Path workDir, List<String> arguments) {
		return start(workDir, "com.successpilot.SuccessPilotApplication", arguments);
	}

	/**
	 * Starts {@code java <mainClass> <arguments>} with the test classpath in
	 * {@code workDir}.
	 */
	public static ChildJvm start(Path workDir, String mainClass, List<String> arguments) {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-cp",
						System.getProperty("java.class.path"), mainClass));
		command.addAll(arguments);
		try {
			return new ChildJvm(
					new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Runs a command to its end and returns its exit status.
	 */
	public static Result run(Path workDir, List<String> arguments) {
		try (ChildJvm child = start(workDir, arguments)) {
			return new Result(child.waitFor(Duration.ofMinutes(4)), child.output());
		}
	}

	/**
	 * Waits until the command ends.
	 * @return its exit status
	 * @throws AssertionError if it did not end in time (it is then killed)
	 */
	public int waitFor(Duration timeout) {
		try {
			if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				kill();
				throw new AssertionError("the command did not end within " + timeout + ":\n" + outputText());
			}
			this.reader.join(5000);
			return this.process.exitValue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Waits at most this long for the command to end.
	 * @return whether it ended
	 */
	public boolean endsWithin(Duration timeout) {
		try {
			return this.process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Waits for a line of output that matches.
	 * @return the line
	 * @throws AssertionError if the command ended or the time ran out first
	 */
	public String awaitLine(Predicate<String> wanted, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		int seen = 0;
		synchronized (this.output) {
			while (true) {
				for (; seen < this.output.size(); seen++) {
					if (wanted.test(this.output.get(seen))) {
						return this.output.get(seen);
					}
				}
				if (this.outputEnded) {
					throw new AssertionError("the command ended without the line awaited:\n" + outputText());
				}
				long left = (deadline - System.nanoTime()) / 1_000_000;
				if (left <= 0) {
					throw new AssertionError("no line awaited within " + timeout + ":\n" + outputText());
				}
				try {
					// the reader wakes this up with every line, and when the output ends
					this.output.wait(left);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException(ex);
				}
			}
		}
	}

	/**
	 * {@code kill -9}: SIGKILL on Linux, no shutdown hook, no finally block runs.
	 */
	public void kill() {
		this.process.destroyForcibly();
		try {
			this.process.waitFor(30, TimeUnit.SECONDS);
			this.reader.join(5000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	public List<String> output() {
		return List.copyOf(this.output);
	}

	public String outputText() {
		return String.join("\n", this.output);
	}

	@Override
	public void close() {
		if (this.process.isAlive()) {
			kill();
		}
	}

	private void readOutput() {
		try (BufferedReader in = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				synchronized (this.output) {
					this.output.add(line);
					this.output.notifyAll();
				}
			}
		}
		catch (IOException ex) {
			// the process died: its output ends here
		}
		finally {
			synchronized (this.output) {
				this.outputEnded = true;
				this.output.notifyAll();
			}
		}
	}

	private static void copy(Path source, Path target) {
		try (Stream<Path> walk = Files.walk(source)) {
			for (Path path : walk.toList()) {
				Path copy = target.resolve(source.relativize(path).toString());
				if (Files.isDirectory(path)) {
					Files.createDirectories(copy);
				}
				else {
					Files.copy(path, copy);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * What a command that ran to its end left: its exit status and its output.
	 */
	public record Result(int exitStatus, List<String> output) {

		public String outputText() {
			return String.join("\n", this.output);
		}

	}

}
