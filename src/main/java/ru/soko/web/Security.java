package ru.soko.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import ru.soko.access.Role;
import ru.soko.access.Viewer;
import ru.soko.users.UserStore;

/**
 * Who is asking and whether they may: a session cookie or an API token names the viewer; every
 * state-changing request made with a cookie must carry the session's CSRF token (a token-bearing
 * API call carries no cookie, so a forged cross-site request cannot use it).
 */
final class Security {

    static final String SESSION_COOKIE = "soko_session";
    /** Double-submit token of the login form, which is posted before any session exists. */
    static final String LOGIN_COOKIE = "soko_login";
    static final String CSRF_FIELD = "_csrf";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String VIEWER = "soko.viewer";
    private static final String SESSION = "soko.session";
    private static final String TOKEN = "soko.token";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final UserStore users;
    private final Sessions sessions;
    private final boolean secureCookies;

    Security(UserStore users, Sessions sessions, boolean secureCookies) {
        this.users = users;
        this.sessions = sessions;
        this.secureCookies = secureCookies;
    }

    /** Before every request: names the viewer from the API token or the session cookie. */
    void identify(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Viewer viewer = users.byToken(authorization.substring(7)).map(u -> u.viewer())
                    .orElseThrow(() -> new io.javalin.http.UnauthorizedResponse("неверный или отозванный токен API"));
            ctx.attribute(VIEWER, viewer);
            ctx.attribute(TOKEN, Boolean.TRUE);
            return;
        }
        Optional<Sessions.Session> session = sessions.find(ctx.cookie(SESSION_COOKIE));
        session.ifPresent(s -> ctx.attribute(SESSION, s));
        ctx.attribute(VIEWER, session.map(Sessions.Session::viewer).orElse(Viewer.ANONYMOUS));
    }

    /**
     * Before every request: a change made with the session cookie must carry the session's CSRF
     * token, and the login form its double-submit token. A request with neither session nor token
     * has no authority to abuse; the route itself then answers 401.
     */
    void checkCsrf(Context ctx) {
        if (SAFE_METHODS.contains(ctx.method().name()) || Boolean.TRUE.equals(ctx.attribute(TOKEN))) {
            return;
        }
        boolean loginForm = ctx.path().equals("/login");
        if (session(ctx).isEmpty() && !loginForm) {
            return;
        }
        String expected = session(ctx).map(Sessions.Session::csrf).orElseGet(() -> ctx.cookie(LOGIN_COOKIE));
        String given = Optional.ofNullable(ctx.header(CSRF_HEADER)).orElseGet(() -> formToken(ctx));
        if (expected == null || given == null || !constantTimeEquals(expected, given)) {
            throw new ForbiddenResponse("форма устарела или отправлена с чужой страницы: обновите страницу и повторите");
        }
    }

    /** Refuses the request unless the viewer has at least {@code role}: 401 for the public, 403 for others. */
    static void require(Context ctx, Role role) {
        Viewer viewer = viewer(ctx);
        if (viewer.atLeast(role)) {
            return;
        }
        if (viewer.anonymous()) {
            throw new io.javalin.http.UnauthorizedResponse("нужно войти в систему");
        }
        throw new ForbiddenResponse("недостаточно прав: нужна роль «" + role.title() + "»");
    }

    static Viewer viewer(Context ctx) {
        Viewer viewer = ctx.attribute(VIEWER);
        return viewer == null ? Viewer.ANONYMOUS : viewer;
    }

    static Optional<Sessions.Session> session(Context ctx) {
        return Optional.ofNullable(ctx.attribute(SESSION));
    }

    /** The CSRF token the page's forms must carry: the session's, or the login form's own. */
    String csrfFor(Context ctx) {
        return session(ctx).map(Sessions.Session::csrf).orElseGet(() -> {
            String existing = ctx.cookie(LOGIN_COOKIE);
            if (existing != null && existing.length() >= 32) {
                return existing;
            }
            String token = Sessions.randomToken();
            ctx.cookie(cookie(ctx, LOGIN_COOKIE, token, 3600));
            return token;
        });
    }

    /** Starts a session under a fresh id (never one the browser brought) and sets its cookie. */
    void login(Context ctx, Viewer viewer) {
        session(ctx).ifPresent(s -> sessions.end(s.id()));
        Sessions.Session session = sessions.start(viewer);
        ctx.attribute(SESSION, session);
        ctx.attribute(VIEWER, viewer);
        ctx.cookie(cookie(ctx, SESSION_COOKIE, session.id(), -1));
        ctx.cookie(cookie(ctx, LOGIN_COOKIE, "", 0));
    }

    void logout(Context ctx) {
        session(ctx).ifPresent(s -> sessions.end(s.id()));
        ctx.cookie(cookie(ctx, SESSION_COOKIE, "", 0));
    }

    void endSessionsOf(String userName) {
        sessions.endAllOf(userName);
    }

    private Cookie cookie(Context ctx, String name, String value, int maxAge) {
        boolean secure = secureCookies || ctx.req().isSecure();
        return new Cookie(name, value, "/", maxAge, secure, true, null, SameSite.LAX);
    }

    private static String formToken(Context ctx) {
        String type = String.valueOf(ctx.contentType());
        if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data")) {
            return ctx.formParam(CSRF_FIELD);
        }
        return null;
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
