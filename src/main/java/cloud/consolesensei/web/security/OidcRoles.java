package cloud.consolesensei.web.security;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * OIDC login's roles: the claim {@code consolesensei.web.oidc.role-claim} (from the ID token or the
 * UserInfo endpoint, OpenID Connect Core 1.0 section 5) holds {@code VIEWER} or {@code ADMIN}, or a
 * list holding them (ADMIN wins); a user whose claim holds neither is refused at login.
 */
public final class OidcRoles implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService delegate = new OidcUserService();
    private final String claim;

    public OidcRoles(String claim) {
        this.claim = claim;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = delegate.loadUser(request);
        Role role = roleOf(user.getClaims().get(claim)).orElseThrow(() -> new OAuth2AuthenticationException(
                new OAuth2Error("access_denied", "the claim '" + claim + "' holds neither VIEWER nor ADMIN", null)));
        return new DefaultOidcUser(List.of(new SimpleGrantedAuthority(role.authority())), user.getIdToken(),
                user.getUserInfo());
    }

    /**
     * The role a claim value gives: {@code ADMIN} or {@code VIEWER} as a string, or a collection
     * holding one of them (ADMIN wins); anything else gives none.
     */
    public static Optional<Role> roleOf(Object value) {
        if (value instanceof Collection<?> values) {
            if (values.contains(Role.ADMIN.name())) return Optional.of(Role.ADMIN);
            if (values.contains(Role.VIEWER.name())) return Optional.of(Role.VIEWER);
            return Optional.empty();
        }
        return Role.of(value);
    }
}
