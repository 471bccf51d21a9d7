package ru.soko.users;

import java.time.Instant;
import ru.soko.access.Role;
import ru.soko.access.Viewer;

/** An account that can log in. */
public record User(long id, String name, Role role, boolean disabled, Instant createdAt) {

    public Viewer viewer() {
        return new Viewer(name, role);
    }
}
