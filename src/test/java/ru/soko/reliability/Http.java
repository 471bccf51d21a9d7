package ru.soko.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A bare HTTP/1.1 client over a socket: it sends the request target exactly as given, so broken
 * percent-encoding and other malformed addresses reach the server (java.net.URI would refuse them).
 */
final class Http {

    record Response(int status, String headers, String body) {
        String contentType() {
            for (String line : headers.split("\r\n")) {
                if (line.regionMatches(true, 0, "Content-Type:", 0, 13)) {
                    return line.substring(13).strip();
                }
            }
            return "";
        }
    }

    private Http() {
    }

    static Response get(int port, String target) throws IOException {
        return get(port, target, null);
    }

    static Response get(int port, String target, String accept) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(30_000);
            byte[] request = ("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + (accept == null ? "" : "Accept: " + accept + "\r\n") + "\r\n").getBytes(StandardCharsets.UTF_8);
            // The server answers an over-long request before it has read all of it and closes; written from
            // another thread, the request's broken pipe cannot keep the answer from being read here.
            Thread writer = Thread.ofVirtual().start(() -> send(socket, request));
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            try {
                socket.getInputStream().transferTo(all);
            } catch (java.net.SocketException e) {
                // the server may close a refused request early; what arrived is the answer
            }
            joinQuietly(writer);
            String raw = all.toString(StandardCharsets.UTF_8);
            int end = raw.indexOf("\r\n\r\n");
            if (!raw.startsWith("HTTP/1.1 ") || end < 0) {
                throw new IOException("no HTTP answer to " + abbreviate(target) + ": «" + abbreviate(raw) + "»");
            }
            int status = Integer.parseInt(raw.substring(9, 12));
            return new Response(status, raw.substring(0, end), raw.substring(end + 4));
        }
    }

    private static void send(Socket socket, byte[] request) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
        } catch (IOException e) {
            // the server stopped reading: its answer, read by the caller, says why
        }
    }

    private static void joinQuietly(Thread writer) throws IOException {
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…(" + s.length() + ")" : s;
    }
}
