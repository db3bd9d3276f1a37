package cloud.consolesensei.iam;

import cloud.consolesensei.aws.ErrorClass;
import cloud.consolesensei.check.Check;
import cloud.consolesensei.check.CheckContext;
import cloud.consolesensei.collect.InventoryRow;
import cloud.consolesensei.collect.InventorySheet;
import cloud.consolesensei.collect.InventorySheet.Column;
import cloud.consolesensei.collect.ReadContext;
import cloud.consolesensei.collect.AbstractResourceSource;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.GetCredentialReportResponse;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/**
 * IAM users and the root user, from the credential report ({@link CredentialReportFetcher}), one
 * streamed CSV row at a time ({@link CredentialReportParser}). For each IAM user with an active key,
 * one {@code ListAccessKeys} call supplies the key ids the report lacks ({@link AccessKeyIds}); a
 * user deleted since the report was generated ({@code NoSuchEntity}) is skipped.
 */
public final class CredentialReportSource extends AbstractResourceSource<CredentialReportRow> {

    static final InventorySheet SHEET = new InventorySheet("IAM Users", List.of(
            Column.text("User"), Column.text("ARN"), Column.bool("Console access"), Column.bool("MFA"),
            Column.date("Password last used"),
            Column.text("Key 1 ID"), Column.bool("Key 1 active"), Column.number("Key 1 age (days)"),
            Column.date("Key 1 last used"),
            Column.text("Key 2 ID"), Column.bool("Key 2 active"), Column.number("Key 2 age (days)"),
            Column.date("Key 2 last used")));

    private static final List<Check<CredentialReportRow>> CHECKS = List.of(new RootMfaDisabledCheck(),
            new RootAccessKeyActiveCheck(), new RootUsedRecentlyCheck(), new UserConsoleNoMfaCheck(),
            new AccessKeyNotRotatedCheck(), new AccessKeyUnusedCheck(), new UserTwoActiveKeysCheck(),
            new UserInactiveCheck());

    private final CredentialReportFetcher fetcher;

    CredentialReportSource(CredentialReportFetcher fetcher) {
        super("iam.credential_report", Scope.GLOBAL, SHEET, CHECKS);
        this.fetcher = fetcher;
    }

    @Override
    public Stream<CredentialReportRow> read(ReadContext ctx) {
        return IamStreams.deferred(() -> {
            IamClient iam = ctx.clients().iam(ctx.account());
            Optional<GetCredentialReportResponse> report = fetcher.fetch(ctx, iam);
            if (report.isEmpty()) return Stream.empty();
            Stream<CredentialReportRow> rows;
            try {
                rows = CredentialReportParser.rows(
                        new InputStreamReader(report.get().content().asInputStream(), StandardCharsets.UTF_8),
                        (record, why) -> ctx.gap(IamModule.SERVICE, "GetCredentialReport",
                                ErrorClass.MALFORMED_RESPONSE, "credential report record " + record + ": " + why, false));
            } catch (RuntimeException e) {
                ctx.failed(IamModule.SERVICE, "GetCredentialReport", "credential report", e);
                return Stream.empty();
            }
            return rows.map(row -> withKeyIds(ctx, iam, row)).filter(Objects::nonNull);
        });
    }

    /** The row with its key ids; {@code null} when the user no longer exists. */
    private static CredentialReportRow withKeyIds(ReadContext ctx, IamClient iam, CredentialReportRow row) {
        if (row.root() || !row.hasActiveKey()) return row;
        List<AccessKeyMetadata> keys;
        try {
            keys = iam.listAccessKeysPaginator(r -> r.userName(row.user())).accessKeyMetadata().stream().toList();
        } catch (NoSuchEntityException e) {
            return null;
        } catch (RuntimeException e) {
            ctx.failed(IamModule.SERVICE, "ListAccessKeys", "user " + row.user(), e);
            return row;
        }
        return AccessKeyIds.assign(row, keys);
    }

    @Override
    public InventoryRow inventoryRow(CredentialReportRow row, CheckContext ctx) {
        List<Object> cells = new ArrayList<>();
        cells.add(row.user());
        cells.add(row.arn());
        cells.add(row.passwordEnabled());
        cells.add(row.mfaActive());
        cells.add(Days.date(row.passwordLastUsed().instant()));
        for (AccessKeySlot k : row.keys()) {
            cells.add(k.accessKeyId());
            cells.add(k.exists() ? k.active() : null);
            cells.add(k.exists() ? Days.since(k.lastRotated().instant(), ctx.asOf()) : null);
            cells.add(Days.date(k.lastUsed().instant()));
        }
        return new InventoryRow(SHEET.name(), ctx.accountId(), ctx.region(), row.resourceId(ctx.accountId()), cells);
    }
}
