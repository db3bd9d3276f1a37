package cloud.consolesensei.aws;

/**
 * A credential source is set but cannot work (README: an error naming it, exit 1, never the
 * demo). The message is one line naming the source and what to do; it never holds a secret.
 */
public class CredentialSourceException extends RuntimeException {

    public CredentialSourceException(String message) {
        super(message);
    }
}
