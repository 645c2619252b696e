package com.successpilot.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on a loopback port, forwarding to a real server, that a test can break:
 * {@link #cut()} drops every connection and refuses new ones, as a lost network or a
 * database server gone away does, and {@link #restore()} listens again on the same port.
 * {@link #freeze()} holds every packet where it is, as a network that stops answering
 * does: a client waiting for a reply waits on, so a test can kill it at exactly that
 * moment.
 * <p>
 * The server behind it is never stopped: other tests share it.
 */
public final class TcpProxy implements AutoCloseable {

	private final int targetPort;

	private final Object gate = new Object();

	private boolean frozen;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private volatile ServerSocket listening;

	private volatile Thread acceptor;

	private int port;

	/**
	 * @param targetPort the port on 127.0.0.1 to forward to
	 */
	public TcpProxy(int targetPort) {
		this.targetPort = targetPort;
		listen(portOutsideTheEphemeralRange());
	}

	/**
	 * A free port below Linux's ephemeral range (32768–60999): once {@link #cut()} frees
	 * the port, no outgoing connection of this JVM can be given it, so {@link #restore()}
	 * can take it again.
	 */
	private static int portOutsideTheEphemeralRange() {
		java.util.Random random = new java.util.Random();
		for (int attempt = 0; attempt < 100; attempt++) {
			int candidate = 20000 + random.nextInt(12000);
			try (ServerSocket probe = new ServerSocket()) {
				probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), candidate));
				return candidate;
			}
			catch (IOException ex) {
				// taken: try another
			}
		}
		throw new IllegalStateException("no free port between 20000 and 32000");
	}

	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public int port() {
		return this.port;
	}

	/**
	 * Closes every open connection and stops accepting new ones: the client sees its
	 * connections reset and new ones refused.
	 */
	public void cut() {
		closeQuietly(this.listening);
		// the socket is closed for good only once the thread blocked in accept() left it
		try {
			if (this.acceptor != null) {
				this.acceptor.join(10_000);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		for (Socket socket : this.sockets) {
			closeQuietly(socket);
		}
		this.sockets.clear();
		synchronized (this.gate) {
			this.frozen = false;
			this.gate.notifyAll();
		}
	}

	/**
	 * Stops forwarding, either way, until {@link #cut()}: whatever is sent next waits.
	 */
	public void freeze() {
		synchronized (this.gate) {
			this.frozen = true;
		}
	}

	/**
	 * Accepts connections again on the same port.
	 */
	public void restore() {
		listen(this.port);
	}

	@Override
	public void close() {
		cut();
	}

	private void listen(int onPort) {
		try {
			ServerSocket server = new ServerSocket();
			server.setReuseAddress(true);
			server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort));
			this.listening = server;
			this.port = server.getLocalPort();
			Thread acceptor = new Thread(() -> accept(server), "proxy-accept-" + this.port);
			acceptor.setDaemon(true);
			acceptor.start();
			this.acceptor = acceptor;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void accept(ServerSocket server) {
		while (!server.isClosed()) {
			try {
				Socket client = server.accept();
				Socket target = new Socket(InetAddress.getLoopbackAddress(), this.targetPort);
				this.sockets.add(client);
				this.sockets.add(target);
				pump(client, target);
				pump(target, client);
			}
			catch (IOException ex) {
				// closed by cut(), or the target refused: the client's connection ends
			}
		}
	}

	private void pump(Socket from, Socket to) throws IOException {
		InputStream in = from.getInputStream();
		OutputStream out = to.getOutputStream();
		Thread pump = new Thread(() -> {
			byte[] buffer = new byte[16384];
			try {
				for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
					waitWhileFrozen();
					out.write(buffer, 0, read);
					out.flush();
				}
			}
			catch (IOException ex) {
				// one side closed or was cut
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
			}
		}, "proxy-pump-" + from.getLocalPort());
		pump.setDaemon(true);
		pump.start();
	}

	private void waitWhileFrozen() throws InterruptedException, IOException {
		synchronized (this.gate) {
			while (this.frozen) {
				this.gate.wait();
			}
		}
	}

	private static void closeQuietly(AutoCloseable closeable) {
		try {
			if (closeable != null) {
				closeable.close();
			}
		}
		catch (Exception ex) {
			// already closed
		}
	}

}
