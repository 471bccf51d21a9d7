package ru.soko.users;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after {@link #FREE_ATTEMPTS} failures for one account, or
 * {@link #FREE_ATTEMPTS_PER_ADDRESS} from one address (an office behind one NAT shares it), the next
 * attempt must wait, twice as long after each further failure, up to {@link #MAX_WAIT}. Counters are
 * forgotten after a quiet {@link #WINDOW}; an account's also after its successful login.
 */
public final class LoginThrottle {

    public static final int FREE_ATTEMPTS = 5;
    public static final int FREE_ATTEMPTS_PER_ADDRESS = 20;
    static final Duration FIRST_WAIT = Duration.ofSeconds(30);
    static final Duration MAX_WAIT = Duration.ofMinutes(15);
    static final Duration WINDOW = Duration.ofMinutes(30);
    private static final int MAX_TRACKED = 100_000;

    private record Failures(int count, Instant last) {
    }

    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long the caller must wait before this account may be tried from this address; empty when now. */
    public Optional<Duration> waitBefore(String account, String address) {
        Duration wait = max(waitFor(accountKey(account), FREE_ATTEMPTS), waitFor(addressKey(address), FREE_ATTEMPTS_PER_ADDRESS));
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    public void failed(String account, String address) {
        if (failures.size() > MAX_TRACKED) {
            forgetQuiet();
        }
        Instant now = clock.instant();
        for (String key : new String[] {accountKey(account), addressKey(address)}) {
            failures.merge(key, new Failures(1, now), (old, one) -> new Failures(
                    quiet(old, now) ? 1 : old.count() + 1, now));
        }
    }

    /** A success clears the account's count only: logging into one's own account must not reset an address's guessing. */
    public void succeeded(String account) {
        failures.remove(accountKey(account));
    }

    private Duration waitFor(String key, int free) {
        Failures f = failures.get(key);
        Instant now = clock.instant();
        if (f == null || quiet(f, now) || f.count() < free) {
            return Duration.ZERO;
        }
        int doublings = Math.min(f.count() - free, 10);
        Duration penalty = FIRST_WAIT.multipliedBy(1L << doublings);
        if (penalty.compareTo(MAX_WAIT) > 0) {
            penalty = MAX_WAIT;
        }
        Duration left = Duration.between(now, f.last().plus(penalty));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private void forgetQuiet() {
        Instant now = clock.instant();
        failures.entrySet().removeIf(e -> quiet(e.getValue(), now));
    }

    private static boolean quiet(Failures f, Instant now) {
        return f.last().plus(WINDOW).isBefore(now);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String accountKey(String account) {
        return "user:" + (account == null ? "" : account.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "addr:" + (address == null ? "" : address);
    }
}
