package ru.soko.access;

import java.util.Locale;
import java.util.Set;

/**
 * Who is looking. Each role sees what the one before it sees and more: an expert also sees internal
 * documents such as draft conclusions, an auditor also internal self-evaluation material and the
 * audit log, an administrator everything, withdrawn documents included.
 */
public enum Role {
    PUBLIC("посетитель", Set.of(Audience.PUBLIC)),
    EXPERT("эксперт", Set.of(Audience.PUBLIC, Audience.EXPERT)),
    AUDITOR("аудитор", Set.of(Audience.PUBLIC, Audience.EXPERT, Audience.AUDITOR)),
    ADMIN("администратор", Set.of(Audience.values()));

    private final String title;
    private final Set<Audience> audiences;

    Role(String title, Set<Audience> audiences) {
        this.title = title;
        this.audiences = audiences;
    }

    public String title() {
        return title;
    }

    public Set<Audience> audiences() {
        return audiences;
    }

    public boolean sees(Audience audience) {
        return audiences.contains(audience);
    }

    public boolean atLeast(Role other) {
        return ordinal() >= other.ordinal();
    }

    /** The name stored in the users table and typed on the command line. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A role a user account can have: anonymous visitors have no account. */
    public static Role ofAccount(String code) {
        for (Role role : values()) {
            if (role != PUBLIC && role.code().equalsIgnoreCase(code == null ? "" : code.strip())) {
                return role;
            }
        }
        throw new IllegalArgumentException("роль «" + code + "» неизвестна: можно expert, auditor или admin");
    }
}
