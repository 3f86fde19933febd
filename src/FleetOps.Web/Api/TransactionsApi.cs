using FleetOps.Core.Cases;
using FleetOps.Core.Fleet;
using FleetOps.Core.Transactions;
using FleetOps.Web.Cases;
using FleetOps.Core.Reconciliation;
using FleetOps.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using FleetOps.Core.Wire;

namespace FleetOps.Web.Api;

/// <summary><c>GET /api/v1/transactions/unsettled</c> and its CSV for the acquirer, filtered by the caller's scope.</summary>
public static class TransactionsApi
{
    public static IEndpointRouteBuilder MapTransactionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/transactions").RequireAuthorization(AccessPolicies.SignedIn).WithTags("Transactions");
        api.MapGet("/unsettled", List).WithName("ListUnsettledTransactions");
        api.MapGet("/unsettled.csv", Csv).WithName("ExportUnsettledTransactions").Produces(StatusCodes.Status200OK, contentType: "text/csv");
        return app;
    }

    public static Results<Ok<PagedResult<UnsettledDto>>, ValidationProblem> List(
        TransactionBook book, CaseBook cases, NotCreditedBook proofs, StoreDirectory stores, TimeProvider time, HttpContext context, AccessResolver access,
        string? store = null, string? reason = null, string? caseStatus = null, string? page = null, string? pageSize = null)
    {
        var filter = new ListFilter();
        var query = Read(filter, store, reason, access.Scope(context.User), stores);
        var withCase = ReadCaseStatus(filter, caseStatus, cases);
        var (pageNumber, size) = filter.Paging(page, pageSize, UnsettledQuery.MaxPageSize);
        if (filter.HasErrors) return filter.Problem();
        var (items, total) = (query with { Page = pageNumber, PageSize = size }).Run(book.Unsettled.Where(withCase), time.GetUtcNow());
        return TypedResults.Ok(new PagedResult<UnsettledDto>(items.Select(t => UnsettledDto.From(t, cases, proofs)).ToList(), total));
    }

    public static Results<FileContentHttpResult, ValidationProblem> Csv(
        TransactionBook book, CaseBook cases, StoreDirectory stores, TimeProvider time, HttpContext context, AccessResolver access,
        IReaderLanguage language,
        string? store = null, string? reason = null, string? caseStatus = null, string? lang = null, string? tz = null)
    {
        var filter = new ListFilter();
        var scope = access.Scope(context.User);
        var query = Read(filter, store, reason, scope, stores);
        var withCase = ReadCaseStatus(filter, caseStatus, cases);
        // In the reader's language: lang=zh-CN|en, else the request's culture; the file named in tz=, the viewer's zone.
        var chosen = filter.OneOf("lang", lang, language.Names);
        var viewer = filter.TimeZone("tz", tz);
        if (filter.HasErrors) return filter.Problem();
        if (chosen is not null) language.Use(chosen);
        var now = time.GetUtcNow();
        var rows = query.Sort(query.Filter(book.Unsettled.Where(withCase), now)).Select(t => UnsettledDto.From(t, cases)).ToList();
        var times = new ExportTime(stores, scope);
        var bytes = CsvText.Bytes(UnsettledCsv.Write(rows, language, times));
        return TypedResults.File(bytes, "text/csv; charset=utf-8", times.FileName("unsettled", now, rows.Select(r => r.StoreCode), query.Stores, viewer));
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
        return new UnsettledQuery { Stores = filter.Stores(store, scope, stores), Reason = parsedReason };
    }
}
