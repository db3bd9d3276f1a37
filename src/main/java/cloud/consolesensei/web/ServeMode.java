package cloud.consolesensei.web;

/**
 * How {@code serve} was started, for the web console: registered by the {@code serve} command before
 * the application context starts (other commands have none).
 * <p>
 * {@code demoLogin}: {@code serve --demo} was asked for; with no user and no OIDC configured the
 * console then binds 127.0.0.1 only and has one user {@code demo} (ADMIN) with a one-time password.
 * {@link #demoEstate()}: runs audit the built-in demo estate (asked for, or nothing configured and no
 * credentials), known once the configuration is read.
 */
public final class ServeMode {

    private final boolean demoLogin;
    private volatile boolean demoEstate;

    public ServeMode(boolean demoLogin) {
        this.demoLogin = demoLogin;
        this.demoEstate = demoLogin;
    }

    /** True for {@code serve --demo}. */
    public boolean demoLogin() {
        return demoLogin;
    }

    /** True when the runs this process starts audit the demo estate. */
    public boolean demoEstate() {
        return demoEstate;
    }

    /** Set by {@code serve} once it has decided (see {@link #demoEstate()}). */
    public void demoEstate(boolean demo) {
        this.demoEstate = demo;
    }
}
