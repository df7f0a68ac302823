package dev.orchestrion.runner;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * An HTTP endpoint on loopback that answers at once with a status line and headers, then sends its body one byte
 * every 200 ms and never finishes: a client whose timeouts only bound each read waits for it forever.
 */
public final class TricklingServer implements AutoCloseable {

    private final ServerSocket server;
    private final ScheduledExecutorService ticks = Executors.newScheduledThreadPool(2);
    private final List<Socket> clients = new CopyOnWriteArrayList<>();

    public TricklingServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "trickling-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getLocalPort() + path;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                clients.add(client);
                readHead(client.getInputStream());
                OutputStream out = client.getOutputStream();
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                ticks.scheduleAtFixedRate(() -> {
                    try {
                        out.write("1\r\nx\r\n".getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                    } catch (IOException e) {
                        throw new IllegalStateException("the client went away", e); // ends this client's ticks
                    }
                }, 200, 200, TimeUnit.MILLISECONDS);
            } catch (IOException e) {
                // closed, or a client that went away while sending its request
            }
        }
    }

    private static void readHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the request ended early");
            }
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
    }

    @Override
    public void close() throws IOException {
        ticks.shutdownNow();
        server.close();
        for (Socket client : clients) {
            client.close();
        }
    }
}
