using System.Globalization;
using System.Text;
using FleetOps.Core.Cases;
using FleetOps.Core.Fleet;
using FleetOps.Core.Transactions;
using FleetOps.Web.Cases;
using FleetOps.Web.Live;
using FleetOps.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using FleetOps.Core.Wire;

namespace FleetOps.Web.Api;

/// <summary>An unsettled transaction as the API and the CSV show it (PROTOCOL.md §2).</summary>
public sealed record UnsettledDto(
    string TerminalId, string StoreCode, string TransactionId, long AmountMinor, string Currency, string? MaskedPan,
    string? AuthCode, string? Rrn, string? BatchNumber, DateTimeOffset AuthorizedAt, string LastStage, string Reason, string CaseStatus)
{
    public static UnsettledDto From(TrackedTransaction t, CaseBook cases) => new(
        t.TerminalId, t.StoreCode, t.TransactionId, t.Record.AmountMinor, t.Record.Currency, t.Record.MaskedPan, t.Record.AuthCode,
        t.Record.Rrn, t.Record.BatchNumber, t.Record.AuthorizedAt, t.Record.LastStage.ToWire(),
        t.Verdict.Reason!.Value.ToWire(), cases.StatusOf(t.TerminalId, t.TransactionId));
}

/// <summary><c>GET /api/v1/transactions/unsettled</c> and its CSV for the acquirer, filtered by the caller's scope.</summary>
public static class TransactionsApi
{
    public static IEndpointRouteBuilder MapTransactionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/transactions").RequireAuthorization(AccessPolicies.SignedIn).WithTags("Transactions");
        api.MapGet("/unsettled", List).WithName("ListUnsettledTransactions");
        api.MapGet("/unsettled.csv", Csv).WithName("ExportUnsettledTransactions");
        return app;
    }

    public static Results<Ok<PagedResult<UnsettledDto>>, ValidationProblem> List(
        TransactionBook book, CaseBook cases, StoreDirectory stores, TimeProvider time, HttpContext context, AccessResolver access,
        string? store = null, string? reason = null, string? caseStatus = null, string? page = null, string? pageSize = null)
    {
        var filter = new ListFilter();
        var query = Read(filter, store, reason, access.Scope(context.User), stores);
        var withCase = ReadCaseStatus(filter, caseStatus, cases);
        var (pageNumber, size) = filter.Paging(page, pageSize, UnsettledQuery.MaxPageSize);
        if (filter.HasErrors) return filter.Problem();
        var (items, total) = (query with { Page = pageNumber, PageSize = size }).Run(book.Unsettled.Where(withCase), time.GetUtcNow());
        return TypedResults.Ok(new PagedResult<UnsettledDto>(items.Select(t => UnsettledDto.From(t, cases)).ToList(), total));
    }

    public static Results<FileContentHttpResult, ValidationProblem> Csv(
        TransactionBook book, CaseBook cases, StoreDirectory stores, TimeProvider time, HttpContext context, AccessResolver access,
        string? store = null, string? reason = null, string? caseStatus = null)
    {
        var filter = new ListFilter();
        var query = Read(filter, store, reason, access.Scope(context.User), stores);
        var withCase = ReadCaseStatus(filter, caseStatus, cases);
        if (filter.HasErrors) return filter.Problem();
        var now = time.GetUtcNow();
        var rows = query.Sort(query.Filter(book.Unsettled.Where(withCase), now)).Select(t => UnsettledDto.From(t, cases));
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(UnsettledCsv.Write(rows))).ToArray();
        return TypedResults.File(bytes, "text/csv; charset=utf-8", $"unsettled-{now:yyyyMMdd-HHmm}.csv");
    }

    /// <summary>Optional <c>caseStatus=</c> filter, comma-separated (e.g. <c>none,check_record,contact_acquirer</c> = not resolved).</summary>
    private static Func<TrackedTransaction, bool> ReadCaseStatus(ListFilter filter, string? caseStatus, CaseBook cases)
    {
        if (filter.List("caseStatus", caseStatus) is not { } listed) return _ => true;
        var known = WireNames.Names<CaseStep>().Prepend(CaseWords.NoCase).ToHashSet(StringComparer.Ordinal);
        var wanted = listed.ToHashSet(StringComparer.Ordinal);
        if (!wanted.IsSubsetOf(known)) filter.Fail("caseStatus", $"'caseStatus' must be one or more of: {string.Join(", ", known)}.");
        return t => wanted.Contains(cases.StatusOf(t.TerminalId, t.TransactionId));
    }

    private static UnsettledQuery Read(ListFilter filter, string? store, string? reason, Core.Access.AccessScope scope, StoreDirectory stores)
    {
        var parsedReason = filter.Enum<UnsettledReason>("reason", reason);
        // The caller's scope always applies; a store filter can only narrow it.
        var allowed = scope.StoreCodes(stores);
        IReadOnlySet<string>? wanted = filter.List("store", store) is { } listed
            ? listed.Where(code => allowed is null || allowed.Contains(code)).ToHashSet(StringComparer.OrdinalIgnoreCase)
            : allowed;
        return new UnsettledQuery { Stores = wanted, Reason = parsedReason };
    }
}

/// <summary>
/// The worklist as CSV for the acquirer: RFC 4180, UTF-8 with BOM (spreadsheets then read non-ASCII correctly),
/// ISO 8601 UTC timestamps, amounts in major units next to their currency, and only the masked card number.
/// </summary>
public static class UnsettledCsv
{
    public const string Header = "terminalId,storeCode,transactionId,amount,currency,maskedPan,authCode,rrn,batchNumber,authorizedAt,lastStage,reason,caseStatus";

    public static string Write(IEnumerable<UnsettledDto> rows)
    {
        var sb = new StringBuilder().Append(Header).Append("\r\n");
        foreach (var r in rows)
        {
            string?[] cells =
            [
                r.TerminalId, r.StoreCode, r.TransactionId, Money.MajorUnits(r.AmountMinor, r.Currency), r.Currency, r.MaskedPan, r.AuthCode, r.Rrn,
                r.BatchNumber, r.AuthorizedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), r.LastStage, r.Reason, r.CaseStatus,
            ];
            sb.AppendJoin(',', cells.Select(TerminalCsv.Escape)).Append("\r\n");
        }
        return sb.ToString();
    }
}
