package ru.soko.users;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ru.soko.access.Role;
import ru.soko.catalog.AuditLog;
import ru.soko.catalog.Database;
import ru.soko.util.Hashes;

/** Accounts and API tokens in {@code archive.db}; every change is audited. */
public final class UserStore {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database db;
    private final Clock clock;
    private final PasswordHasher hasher;

    public UserStore(Database db, Clock clock, PasswordHasher hasher) {
        this.db = db;
        this.clock = clock;
        this.hasher = hasher;
    }

    public User add(String name, Role role, String password, String actor) {
        String checked = checkName(name);
        if (role == Role.PUBLIC) {
            throw new IllegalArgumentException("у посетителя нет учётной записи: роль expert, auditor или admin");
        }
        PasswordHasher.requireAcceptable(password);
        String hash = hasher.hash(password);
        return db.write(c -> {
            if (find(c, checked).isPresent()) {
                throw new IllegalArgumentException("пользователь «" + checked + "» уже есть");
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO users (name, name_key, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, checked);
                ps.setString(2, key(checked));
                ps.setString(3, role.code());
                ps.setString(4, hash);
                ps.setString(5, clock.instant().toString());
                ps.executeUpdate();
            }
            AuditLog.write(c, clock, actor, "user-add", "user:" + checked, Map.of("role", role.code()));
            return find(c, checked).orElseThrow();
        });
    }

    /** The account when the name and password match and it is not disabled. */
    public Optional<User> authenticate(String name, String password) {
        Optional<String> hash = db.read(c -> passwordHash(c, name == null ? "" : name.strip()));
        if (hash.isEmpty()) {
            hasher.waste(password);
            return Optional.empty();
        }
        if (!hasher.matches(password, hash.get())) {
            return Optional.empty();
        }
        return find(name.strip()).filter(u -> !u.disabled());
    }

    public Optional<User> find(String name) {
        return db.read(c -> find(c, name == null ? "" : name.strip()));
    }

    public List<User> list() {
        return db.read(c -> {
            List<User> users = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name, role, disabled, created_at FROM users ORDER BY name");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    users.add(toUser(rs));
                }
            }
            return users;
        });
    }

    public void setPassword(String name, String password, String actor) {
        PasswordHasher.requireAcceptable(password);
        String hash = hasher.hash(password);
        update(name, "UPDATE users SET password_hash = ? WHERE name = ?", hash, actor, "user-password", Map.of());
    }

    public void setRole(String name, Role role, String actor) {
        if (role == Role.PUBLIC) {
            throw new IllegalArgumentException("роль expert, auditor или admin");
        }
        update(name, "UPDATE users SET role = ? WHERE name = ?", role.code(), actor, "user-role", Map.of("role", role.code()));
    }

    public void setDisabled(String name, boolean disabled, String actor) {
        update(name, "UPDATE users SET disabled = ? WHERE name = ?", disabled ? "1" : "0", actor,
                disabled ? "user-disable" : "user-enable", Map.of());
    }

    /** Creates an API token for the account; only its hash is stored, so the token is shown once. */
    public String createToken(String name, String label, String actor) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = "soko_" + HexFormat.of().formatHex(bytes);
        db.write(c -> {
            User user = find(c, name).orElseThrow(() -> new IllegalArgumentException("пользователя «" + name + "» нет"));
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO api_tokens (token_sha256, user_id, label, created_at) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, Hashes.sha256(token));
                ps.setLong(2, user.id());
                ps.setString(3, label == null || label.isBlank() ? "api" : label.strip());
                ps.setString(4, clock.instant().toString());
                ps.executeUpdate();
            }
            AuditLog.write(c, clock, actor, "token-add", "user:" + user.name(), Map.of("label", label == null ? "" : label));
            return null;
        });
        return token;
    }

    /** The enabled account a token belongs to. */
    public Optional<User> byToken(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT u.id, u.name, u.role, u.disabled, u.created_at FROM api_tokens t "
                    + "JOIN users u ON u.id = t.user_id WHERE t.token_sha256 = ? AND u.disabled = 0")) {
                ps.setString(1, Hashes.sha256(token.strip()));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(toUser(rs)) : Optional.empty();
                }
            }
        });
    }

    private void update(String name, String sql, String value, String actor, String action, Map<String, ?> details) {
        db.write(c -> {
            User user = find(c, name).orElseThrow(() -> new IllegalArgumentException("пользователя «" + name + "» нет"));
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, value);
                ps.setString(2, user.name());
                ps.executeUpdate();
            }
            AuditLog.write(c, clock, actor, action, "user:" + user.name(), details);
            return null;
        });
    }

    private static String key(String name) {
        return name.strip().toLowerCase(java.util.Locale.ROOT);
    }

    private static String checkName(String name) {
        String n = name == null ? "" : name.strip();
        if (!n.matches("[\\p{L}\\p{N}._-]{2,64}")) {
            throw new IllegalArgumentException("имя пользователя: от 2 до 64 букв, цифр, точек, дефисов или подчёркиваний");
        }
        return n;
    }

    private static Optional<String> passwordHash(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT password_hash FROM users WHERE name_key = ?")) {
            ps.setString(1, key(name));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private static Optional<User> find(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, name, role, disabled, created_at FROM users WHERE name_key = ?")) {
            ps.setString(1, key(name));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(toUser(rs)) : Optional.empty();
            }
        }
    }

    private static User toUser(ResultSet rs) throws SQLException {
        return new User(rs.getLong(1), rs.getString(2), Role.ofAccount(rs.getString(3)), rs.getInt(4) == 1,
                Instant.parse(rs.getString(5)));
    }
}
