package cloud.consolesensei.schedule;

import cloud.consolesensei.logging.SecretMasker;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/**
 * The cause of a failed run as an operator reads it: one line per failed step (a collect partition
 * names its account and region), {@code step <name>: <exception type>: <message>}, the message
 * taken from the root cause. A manager step whose partitions failed is left out (its own message
 * only says a partition failed). Every line goes through {@link SecretMasker} and has the given
 * secret values (the SMTP and database passwords, the AWS secret key of this process) replaced
 * by {@value SecretMasker#MASK}.
 */
final class FailureCauses {

    /** A fully qualified exception type at the start of a stack trace's line. */
    private static final Pattern TYPE = Pattern.compile("((?:[\\w$]+\\.)+[\\w$]+)(?=:|$)");

    private final List<String> secrets;

    /** @param secrets values that must never appear (blank and null values are ignored) */
    FailureCauses(Collection<String> secrets) {
        this.secrets = secrets.stream().filter(s -> s != null && s.length() >= 4).toList();
    }

    /** The causes of a job execution that did not complete. */
    List<String> of(JobExecution execution) {
        List<StepExecution> failed = execution.getStepExecutions().stream()
                .filter(s -> s.getStatus() == BatchStatus.FAILED || !s.getFailureExceptions().isEmpty()).toList();
        List<String> out = new ArrayList<>();
        for (StepExecution s : failed) {
            boolean manager = failed.stream().anyMatch(o -> o != s && o.getStepName().startsWith(s.getStepName() + "."));
            if (manager) continue;
            for (Throwable t : s.getFailureExceptions()) out.add(clean("step " + s.getStepName() + ": " + describe(t)));
            // read back from the job repository, a step keeps its failure as the exit description (a stack trace)
            if (s.getFailureExceptions().isEmpty()) {
                out.add(clean("step " + s.getStepName() + ": " + fromStackTrace(s.getExitStatus().getExitDescription())));
            }
        }
        if (out.isEmpty()) {
            for (Throwable t : execution.getFailureExceptions()) out.add(clean(describe(t)));
        }
        if (out.isEmpty()) out.add("job execution " + execution.getId() + " ended " + execution.getStatus() + " without an exception");
        return out;
    }

    /** The cause of an exception thrown before or around the launch. */
    String of(Throwable t) {
        return clean(describe(t));
    }

    /** {@code line} with secrets masked. */
    String clean(String line) {
        String s = SecretMasker.mask(line == null ? "" : line.replaceAll("\\s+", " ").trim());
        for (String secret : secrets) s = s.replace(secret, SecretMasker.MASK);
        return s;
    }

    /**
     * The root cause of a stack trace as text ({@code pkg.Type: message}, then {@code at} lines and
     * {@code Caused by:} sections): its last {@code Caused by:}, else its first line, with the
     * exception's simple name.
     */
    static String fromStackTrace(String trace) {
        if (trace == null || trace.isBlank()) return "failed without a message";
        String cause = trace.lines().findFirst().orElse("");
        for (String line : trace.lines().toList()) {
            if (line.startsWith("Caused by: ")) cause = line.substring("Caused by: ".length());
        }
        Matcher m = TYPE.matcher(cause);
        return m.lookingAt() ? simpleName(m.group(1)) + cause.substring(m.end(1)) : cause;
    }

    private static String simpleName(String type) {
        return type.substring(Math.max(type.lastIndexOf('.'), type.lastIndexOf('$')) + 1);
    }

    private static String describe(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
