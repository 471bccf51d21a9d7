package ru.soko.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import ru.soko.util.Json;

/**
 * Answers for requests Jetty refuses before they reach a route (an address too long, bytes that are
 * not UTF-8, broken escapes in the path): the same Russian error page as the site, or
 * {@code {"error": …}} under /api/, instead of Jetty's English page.
 */
final class ServerErrors extends ErrorHandler {

    private final Templates templates;

    ServerErrors(Templates templates) {
        this.templates = templates;
    }

    static String message(int status) {
        return switch (status) {
            case 400 -> "Неверный запрос: в адресе недопустимые символы или неверная %-кодировка.";
            case 413 -> "Запрос слишком большой.";
            case 414 -> "Адрес запроса слишком длинный: сократите запрос.";
            case 431 -> "Заголовки запроса слишком велики.";
            default -> status >= 500 ? "Что-то пошло не так. Попробуйте ещё раз позже." : "Запрос не может быть выполнен (код " + status + ").";
        };
    }

    /**
     * JSON under /api/. When Jetty could not read the request line at all it stands in
     * {@code /badMessage} and knows no headers either; such requests come from scripts rather than
     * browsers (a browser escapes what it sends), so they get JSON.
     */
    private static boolean json(Request request) {
        String path = null;
        try {
            path = request.getHttpURI() == null ? null : request.getHttpURI().getPath();
        } catch (RuntimeException unreadable) {
            // no usable address
        }
        return path == null || path.equals("/badMessage") || path.startsWith("/api/");
    }

    @Override
    protected void generateResponse(Request request, Response response, int status, String ignored, Throwable cause,
                                    Callback callback) throws IOException {
        String message = message(status);
        boolean api = json(request);
        String body;
        if (api) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
            body = Json.write(Map.of("error", message));
        } else {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
            body = templates.render("error", Map.of("title", status >= 500 ? "Внутренняя ошибка сервера" : "Неверный запрос",
                    "message", message, "status", status));
        }
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }
}
