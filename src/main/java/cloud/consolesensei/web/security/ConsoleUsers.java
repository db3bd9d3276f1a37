package cloud.consolesensei.web.security;

import cloud.consolesensei.config.ConsoleSenseiProperties;
import cloud.consolesensei.web.ServeMode;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The local users of the console and API: {@code consolesensei.web.users[]} (password hashes in the
 * {@code {id}hash} form, validated at start), or, for {@code serve --demo} with neither users nor
 * OIDC configured, the single user {@code demo} (ADMIN) with a password made for this process only
 * (18 random bytes, base64url). There is no default password otherwise.
 */
public final class ConsoleUsers {

    /** The demo user's name. */
    public static final String DEMO_USER = "demo";

    private final InMemoryUserDetailsManager manager;
    private final int count;
    private final String demoPassword;
    private final boolean oidc;

    private ConsoleUsers(List<UserDetails> users, String demoPassword, boolean oidc) {
        this.manager = new InMemoryUserDetailsManager(users);
        this.count = users.size();
        this.demoPassword = demoPassword;
        this.oidc = oidc;
    }

    /**
     * The users of this process.
     *
     * @param oidc true when an OIDC client is configured (then demo mode adds no demo user)
     */
    public static ConsoleUsers of(ConsoleSenseiProperties.Web web, ServeMode mode, boolean oidc, PasswordEncoder encoder) {
        List<UserDetails> users = new ArrayList<>();
        for (ConsoleSenseiProperties.User u : web.users()) {
            users.add(User.withUsername(u.username()).password(u.password()).roles(u.role()).build());
        }
        String demo = null;
        if (users.isEmpty() && !oidc && mode != null && mode.demoLogin()) {
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            demo = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            users.add(User.withUsername(DEMO_USER).password(encoder.encode(demo)).roles(Role.ADMIN.name()).build());
        }
        return new ConsoleUsers(users, demo, oidc);
    }

    /** The user store Spring Security authenticates against. */
    public InMemoryUserDetailsManager manager() {
        return manager;
    }

    /** The demo user's one-time password, when this process made one. */
    public Optional<String> demoPassword() {
        return Optional.ofNullable(demoPassword);
    }

    /** True when someone can log in: local users, the demo user or OIDC. */
    public boolean enabled() {
        return count > 0 || oidc;
    }

    /** True when OIDC login is configured. */
    public boolean oidc() {
        return oidc;
    }
}
