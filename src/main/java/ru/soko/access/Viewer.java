package ru.soko.access;

import ru.soko.catalog.DocumentRecord;

/** The person a page or an answer is made for: a user name (empty for the public) and a role. */
public record Viewer(String name, Role role) {

    public static final Viewer ANONYMOUS = new Viewer("", Role.PUBLIC);

    public Viewer {
        name = name == null ? "" : name;
        role = role == null ? Role.PUBLIC : role;
    }

    /** The operator at the command line, who owns the data folder anyway. */
    public static Viewer operator(String name) {
        return new Viewer(name, Role.ADMIN);
    }

    public boolean canSee(DocumentRecord doc) {
        return role.sees(Audience.of(doc));
    }

    public boolean anonymous() {
        return role == Role.PUBLIC;
    }

    public boolean atLeast(Role other) {
        return role.atLeast(other);
    }
}
