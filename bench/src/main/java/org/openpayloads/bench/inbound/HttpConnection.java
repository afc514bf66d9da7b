package org.openpayloads.bench.inbound;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One blocking HTTP/1.1 client connection, kept alive from request to request: the load tool's client.
 *
 * <p>A request is built in a reused buffer ({@link #start}, {@link #header}, then {@link #send} with a body and its
 * {@code Content-Length}) and goes out in one write. The whole response is read into a reused buffer, whatever its
 * framing: {@code Content-Length}, chunked, or until the server closes. The connection opens on first use and
 * again after the server closes it or an I/O error. Interim (1xx) responses are skipped. Not thread-safe: one per
 * thread.
 */
final class HttpConnection implements Closeable {

    private static final int MAX_LINE = 8192;

    private final InetSocketAddress address;
    private final String hostHeader;
    private final int timeoutMillis;

    private @Nullable Socket socket;
    private @Nullable InputStream in;
    private @Nullable OutputStream out;
    private int opened;

    private byte[] request = new byte[8192];
    private int requestLength;

    private final byte[] input = new byte[16384];
    private int inputStart;
    private int inputEnd;

    private byte[] body = new byte[4096];
    private int bodyLength;

    /** Response framing read from the headers of the current response. */
    private long contentLength;
    private boolean chunked;
    private boolean closeAfter;

    /** @param url an {@code http} URL; only its host and port are used here */
    HttpConnection(URI url, Duration timeout) {
        if (!"http".equalsIgnoreCase(url.getScheme()) || url.getHost() == null) {
            throw new IllegalArgumentException("url '" + url + "' is not an http://host[:port] URL");
        }
        int port = url.getPort() < 0 ? 80 : url.getPort();
        this.address = new InetSocketAddress(url.getHost(), port);
        this.hostHeader = url.getPort() < 0 ? url.getHost() : url.getHost() + ":" + port;
        this.timeoutMillis = Math.toIntExact(timeout.toMillis());
    }

    /** Begins a request; {@code target} is the path and query, such as {@code /in/stripe/charge}. */
    HttpConnection start(String method, String target) {
        requestLength = 0;
        ascii(method).ascii(" ").ascii(target).ascii(" HTTP/1.1\r\n");
        return header("Host", hostHeader);
    }

    /** Adds a header; names and values must be ASCII. */
    HttpConnection header(String name, String value) {
        return ascii(name).ascii(": ").ascii(value).ascii("\r\n");
    }

    /**
     * Sends the request with {@code content[0, length)} as its body, and reads the whole response.
     *
     * @return the response's status code; its body is then in {@link #responseBody()}
     * @throws IOException when the connection fails or the response is not HTTP/1.x; the connection is closed
     */
    int send(byte[] content, int length) throws IOException {
        header("Content-Length", Integer.toString(length)).ascii("\r\n");
        ensureRequestCapacity(length);
        System.arraycopy(content, 0, request, requestLength, length);
        requestLength += length;
        try {
            OutputStream output = connected();
            output.write(request, 0, requestLength);
            output.flush();
            int status = readResponse();
            if (closeAfter) {
                close();
            }
            return status;
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The last response's body, as UTF-8 text. */
    String responseBody() {
        return new String(body, 0, bodyLength, StandardCharsets.UTF_8);
    }

    /** How many times a socket was opened: 1 when keep-alive held for the whole run. */
    int opened() {
        return opened;
    }

    @Override
    public void close() {
        Socket open = socket;
        socket = null;
        in = null;
        out = null;
        inputStart = 0;
        inputEnd = 0;
        if (open != null) {
            try {
                open.close();
            } catch (IOException ignored) {
                // Nothing is lost: the connection is dropped either way.
            }
        }
    }

    private OutputStream connected() throws IOException {
        if (socket == null) {
            Socket opening = new Socket();
            opening.setTcpNoDelay(true);
            opening.setSoTimeout(timeoutMillis);
            opening.connect(address, timeoutMillis);
            socket = opening;
            in = opening.getInputStream();
            out = opening.getOutputStream();
            opened++;
        }
        return out;
    }

    private int readResponse() throws IOException {
        int status;
        do {
            status = readHead();
        } while (status >= 100 && status < 200);
        bodyLength = 0;
        if (status == 204 || status == 304) {
            return status;
        }
        if (chunked) {
            readChunkedBody();
        } else if (contentLength >= 0) {
            readBody(contentLength);
        } else {
            readBodyUntilClose();
            closeAfter = true;
        }
        return status;
    }

    /** Reads a status line and headers; returns the status. */
    private int readHead() throws IOException {
        int length = readLine();
        if (length < 12 || !startsWith(inputStart, "HTTP/1.") || input[inputStart + 8] != ' ') {
            throw new IOException("Not an HTTP/1.x status line: '" + text(inputStart, length) + "'");
        }
        int status = (int) parseDecimal(inputStart + 9, 3);
        boolean http10 = input[inputStart + 7] == '0';
        inputStart += length + 2;
        contentLength = -1;
        chunked = false;
        closeAfter = http10;
        while ((length = readLine()) > 0) {
            readHeader(inputStart, length);
            inputStart += length + 2;
        }
        inputStart += 2;
        return status;
    }

    private void readHeader(int start, int length) throws IOException {
        int colon = indexOf(start, length, (byte) ':');
        if (colon < 0) {
            throw new IOException("Malformed response header: '" + text(start, length) + "'");
        }
        int valueStart = colon + 1;
        int end = start + length;
        while (valueStart < end && (input[valueStart] == ' ' || input[valueStart] == '\t')) {
            valueStart++;
        }
        int nameLength = colon - start;
        String value = null;
        if (nameMatches(start, nameLength, "Content-Length")) {
            contentLength = parseDecimal(valueStart, end - valueStart);
        } else if (nameMatches(start, nameLength, "Transfer-Encoding")) {
            value = text(valueStart, end - valueStart);
            chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
        } else if (nameMatches(start, nameLength, "Connection")) {
            value = text(valueStart, end - valueStart);
            closeAfter = value.equalsIgnoreCase("close") || (closeAfter && !value.equalsIgnoreCase("keep-alive"));
        }
    }

    private void readChunkedBody() throws IOException {
        while (true) {
            int length = readLine();
            int sizeEnd = indexOf(inputStart, length, (byte) ';');
            long size = parseHex(inputStart, sizeEnd < 0 ? length : sizeEnd - inputStart);
            inputStart += length + 2;
            if (size == 0) {
                while ((length = readLine()) > 0) {
                    inputStart += length + 2;
                }
                inputStart += 2;
                return;
            }
            readBody(size);
            if (readLine() != 0) {
                throw new IOException("A chunk of the response is longer than its size " + size);
            }
            inputStart += 2;
        }
    }

    /** Appends {@code size} bytes of the response to the body. */
    private void readBody(long size) throws IOException {
        if (bodyLength + size > Integer.MAX_VALUE - 16) {
            throw new IOException("Response body of " + size + " bytes is too large");
        }
        int wanted = (int) size;
        ensureBodyCapacity(wanted);
        while (wanted > 0) {
            if (inputStart == inputEnd && fill() < 0) {
                throw new EOFException("The server closed the connection " + wanted + " bytes before the body ended");
            }
            int n = Math.min(wanted, inputEnd - inputStart);
            System.arraycopy(input, inputStart, body, bodyLength, n);
            inputStart += n;
            bodyLength += n;
            wanted -= n;
        }
    }

    private void readBodyUntilClose() throws IOException {
        while (true) {
            if (inputStart == inputEnd && fill() < 0) {
                return;
            }
            int n = inputEnd - inputStart;
            ensureBodyCapacity(n);
            System.arraycopy(input, inputStart, body, bodyLength, n);
            bodyLength += n;
            inputStart = inputEnd;
        }
    }

    /** Makes sure a whole line is buffered from {@code inputStart}; returns its length without the CRLF. */
    private int readLine() throws IOException {
        int scanned = inputStart;
        while (true) {
            for (int i = scanned; i + 1 < inputEnd; i++) {
                if (input[i] == '\r' && input[i + 1] == '\n') {
                    return i - inputStart;
                }
            }
            scanned = Math.max(inputStart, inputEnd - 1);
            if (inputEnd - inputStart >= MAX_LINE) {
                throw new IOException("A response line is longer than " + MAX_LINE + " bytes");
            }
            int shift = inputStart;
            if (fill() < 0) {
                throw new EOFException("The server closed the connection in the middle of a response head");
            }
            scanned -= shift - inputStart;
        }
    }

    /** Reads more input, moving unread bytes to the front first; returns -1 at end of stream. */
    private int fill() throws IOException {
        if (inputStart > 0) {
            System.arraycopy(input, inputStart, input, 0, inputEnd - inputStart);
            inputEnd -= inputStart;
            inputStart = 0;
        }
        int n = in.read(input, inputEnd, input.length - inputEnd);
        if (n > 0) {
            inputEnd += n;
        }
        return n;
    }

    private HttpConnection ascii(String text) {
        int length = text.length();
        ensureRequestCapacity(length);
        for (int i = 0; i < length; i++) {
            request[requestLength++] = (byte) text.charAt(i);
        }
        return this;
    }

    private void ensureRequestCapacity(int more) {
        if (requestLength + more > request.length) {
            request = Arrays.copyOf(request, Math.max(request.length * 2, requestLength + more));
        }
    }

    private void ensureBodyCapacity(int more) {
        if (bodyLength + more > body.length) {
            body = Arrays.copyOf(body, Math.max(body.length * 2, bodyLength + more));
        }
    }

    private boolean startsWith(int start, String prefix) {
        for (int i = 0; i < prefix.length(); i++) {
            if (input[start + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private boolean nameMatches(int start, int length, String name) {
        if (length != name.length()) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (Character.toLowerCase((char) input[start + i]) != Character.toLowerCase(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private int indexOf(int start, int length, byte wanted) {
        for (int i = start; i < start + length; i++) {
            if (input[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private long parseDecimal(int start, int length) throws IOException {
        return parse(start, length, 10);
    }

    private long parseHex(int start, int length) throws IOException {
        return parse(start, length, 16);
    }

    private long parse(int start, int length, int radix) throws IOException {
        int end = start + length;
        while (end > start && (input[end - 1] == ' ' || input[end - 1] == '\t')) {
            end--;
        }
        if (end == start || end - start > 15) {
            throw new IOException("'" + text(start, length) + "' is not a number in base " + radix);
        }
        long value = 0;
        for (int i = start; i < end; i++) {
            int digit = Character.digit(input[i], radix);
            if (digit < 0) {
                throw new IOException("'" + text(start, length) + "' is not a number in base " + radix);
            }
            value = value * radix + digit;
        }
        return value;
    }

    private String text(int start, int length) {
        return new String(input, start, Math.max(0, Math.min(length, inputEnd - start)), StandardCharsets.ISO_8859_1);
    }
}
