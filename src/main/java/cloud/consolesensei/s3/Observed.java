package cloud.consolesensei.s3;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What one configuration read of a bucket or account gave: a value ({@link State#PRESENT}), the
 * AWS answer "nothing is configured" ({@link State#ABSENT}, e.g. {@code NoSuchBucketPolicy}),
 * or nothing known because the read failed and was recorded as a coverage gap
 * ({@link State#UNKNOWN}). Keeping "absent" and "unknown" apart is what lets checks fire on a
 * missing configuration yet stay silent when the configuration could not be read.
 *
 * @param state what kind of answer this is
 * @param value the value when {@link State#PRESENT}, otherwise {@code null}
 * @param <T>   value type
 */
public record Observed<T>(State state, T value) {

    /** The three kinds of answer. */
    public enum State { PRESENT, ABSENT, UNKNOWN }

    public Observed {
        Objects.requireNonNull(state, "state");
        if ((state == State.PRESENT) != (value != null)) {
            throw new IllegalArgumentException("a value exactly when PRESENT: " + state + " " + value);
        }
    }

    /** A value that was read; {@code null} means AWS answered with nothing configured. */
    public static <T> Observed<T> present(T value) {
        return value == null ? absent() : new Observed<>(State.PRESENT, value);
    }

    /** AWS said nothing is configured. */
    public static <T> Observed<T> absent() {
        return new Observed<>(State.ABSENT, null);
    }

    /** The read failed (a coverage gap was recorded) or was not made. */
    public static <T> Observed<T> unknown() {
        return new Observed<>(State.UNKNOWN, null);
    }

    public boolean isPresent() {
        return state == State.PRESENT;
    }

    public boolean isAbsent() {
        return state == State.ABSENT;
    }

    public boolean isUnknown() {
        return state == State.UNKNOWN;
    }

    /**
     * Tests the value: the predicate's answer when present, {@link Tri#FALSE} when absent
     * (nothing configured holds no property), {@link Tri#UNKNOWN} when unknown.
     */
    public Tri test(Predicate<? super T> predicate) {
        return switch (state) {
            case PRESENT -> Tri.of(predicate.test(value));
            case ABSENT -> Tri.FALSE;
            case UNKNOWN -> Tri.UNKNOWN;
        };
    }

    /**
     * Judges the value with a verdict that may itself be unknown: {@code f}'s verdict when
     * present, {@link Tri#FALSE} when absent, {@link Tri#UNKNOWN} when unknown.
     */
    public Tri judge(Function<? super T, Tri> f) {
        return switch (state) {
            case PRESENT -> f.apply(value);
            case ABSENT -> Tri.FALSE;
            case UNKNOWN -> Tri.UNKNOWN;
        };
    }

    /** Maps a present value; absent and unknown stay as they are. */
    public <U> Observed<U> map(Function<? super T, ? extends U> f) {
        return isPresent() ? present(f.apply(value)) : new Observed<>(state, null);
    }
}
