using FleetOps.Core.Fleet;
using FleetOps.Core.Text;
using FleetOps.Web.Api;
using FleetOps.Web.Fleet;

namespace FleetOps.Web.Onboarding;

/// <summary>
/// Checks an onboarding file row by row and builds the <see cref="ImportPlan"/>. Field rules are the register endpoints'
/// own (<see cref="RegistrationRules"/>); on top come the rules only a file has: the header, cells a spreadsheet would run
/// as formulas, a code or id repeated in the file (an acquirer terminal id under one acquirer too), and a store row that
/// contradicts the store it names.
/// </summary>
public sealed class ImportPlanner(StoreDirectory stores, FleetState fleet)
{
    /// <summary>Rows between two progress reports while reading.</summary>
    private const int ProgressStep = 1000;

    /// <summary>Field names of <see cref="RegistrationRules"/> as the file's columns call them.</summary>
    private static readonly Dictionary<string, string> ColumnOfField = new()
    {
        ["code"] = ImportColumns.StoreCode, ["name"] = ImportColumns.StoreName, ["region"] = ImportColumns.Region,
        ["timeZone"] = ImportColumns.TimeZone, ["terminalId"] = ImportColumns.TerminalId, ["storeCode"] = ImportColumns.StoreCode,
        ["model"] = ImportColumns.Model, ["serialNumber"] = ImportColumns.SerialNumber,
        ["acquirer"] = ImportColumns.Acquirer, ["merchantId"] = ImportColumns.MerchantId, ["acquirerTerminalId"] = ImportColumns.AcquirerTerminalId,
    };

    /// <summary>The rules' messages name the column the person fills ("'storeName' is required."), not the API's field.</summary>
    private static string ColumnNamed(string field) => ColumnOfField[field];

    public ImportPlan Plan(IEnumerable<string?[]> rows, IProgress<ImportProgress>? progress = null, int estimatedRows = 0)
    {
        var plan = new ImportPlan();
        Dictionary<string, int>? header = null;
        var number = 0;
        foreach (var cells in rows)
        {
            number++;
            if (header is null)
            {
                header = Header(cells, plan.Errors);
                if (header is null) return plan;
                continue;
            }
            TooManyValues(number, cells, header, plan.Errors);
            var row = new Dictionary<string, string?>();
            foreach (var (column, index) in header) row[column] = index < cells.Length && !string.IsNullOrWhiteSpace(cells[index]) ? cells[index]!.Trim() : null;
            if (row.Values.All(v => v is null)) continue;
            plan.RowsRead++;
            CheckRow(number, row, plan);
            if (plan.RowsRead % ProgressStep == 0) progress?.Report(new ImportProgress(ImportStage.Reading, number, estimatedRows));
        }
        if (number == 0) plan.Errors.Add(0, null, "The file is empty: it needs a header row and at least one row to import.");
        else if (plan.RowsRead == 0 && plan.Errors.Count == 0) plan.Errors.Add(0, null, "The file has a header row but no rows to import.");
        progress?.Report(new ImportProgress(ImportStage.Reading, number, number));
        return plan;
    }

    /// <summary>Column name → cell index; null (with one error) when a required column is missing or a name is wrong.</summary>
    private static Dictionary<string, int>? Header(string?[] cells, ImportErrorList errors)
    {
        var header = new Dictionary<string, int>();
        var before = errors.Count;
        for (var i = 0; i < cells.Length; i++)
        {
            var name = cells[i]?.Trim();
            if (string.IsNullOrEmpty(name)) continue;
            var column = ImportColumns.All.FirstOrDefault(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase));
            var shown = TextRules.Problem("column", name) is null && !LooksLikeFormula(name) ? $"'{name}'" : $"number {i + 1}";
            if (column is null) errors.Add(1, null, $"The header names an unknown column {shown}; the columns are {string.Join(", ", ImportColumns.All)}.");
            else if (!header.TryAdd(column, i)) errors.Add(1, column, $"The header names the column '{column}' twice.");
        }
        var missing = ImportColumns.All.Where(c => ImportColumns.IsRequired(c) && !header.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            // Two sentences, not a "column(s)" built in code: each is a Problem.* pattern the pages put into the reader's language.
            errors.Add(1, null, missing.Count > 1
                ? $"The header row lacks the required columns {string.Join(", ", missing)} (names are case-insensitive; the columns are {string.Join(", ", ImportColumns.All)})."
                : $"The header row lacks the required column {missing[0]} (names are case-insensitive; the columns are {string.Join(", ", ImportColumns.All)}).");
        }
        return errors.Count > before ? null : header;
    }

    /// <summary>
    /// A row with values beyond the header's last column (an unquoted comma, a shifted row) would lose them without a word:
    /// it is refused like any bad row. Empty cells at the end are no values (a spreadsheet pads rows to the widest one).
    /// </summary>
    private static void TooManyValues(int number, string?[] cells, Dictionary<string, int> header, ImportErrorList errors)
    {
        var width = header.Values.Max() + 1;
        var last = Array.FindLastIndex(cells, c => !string.IsNullOrWhiteSpace(c));
        var extra = last + 1 - width;
        if (extra > 0) errors.Add(number, null, $"Row {number} has {extra} more {(extra == 1 ? "value" : "values")} than the header row has columns; a value holding a comma must be in double quotes.");
    }

    private void CheckRow(int number, Dictionary<string, string?> row, ImportPlan plan)
    {
        var errorsBefore = plan.Errors.Count;
        var bad = new HashSet<string>();
        foreach (var (column, value) in row)
        {
            if (value is null) continue;
            var problem = TextRules.Problem(column, value, acquirerIdentifier: ImportColumns.IsAcquirerIdentifier(column))
                ?? (LooksLikeFormula(value) ? $"'{column}' starts with '=', '+', '-' or '@', which a spreadsheet would run as a formula." : null);
            if (problem is null) continue;
            plan.Errors.Add(number, column, problem);
            bad.Add(column);
        }
        var storeCode = CheckStore(number, row, bad, plan);
        var terminalId = row[ImportColumns.TerminalId];
        var model = row[ImportColumns.Model];
        var serial = row.GetValueOrDefault(ImportColumns.SerialNumber);
        var acquirerTerminalId = row.GetValueOrDefault(ImportColumns.AcquirerTerminalId);
        if (terminalId is null && model is null && serial is null && acquirerTerminalId is null) return; // a row that only defines a store

        var problems = RegistrationRules.TerminalProblems(new CreateTerminalRequest(terminalId, storeCode ?? "-", model, serial, acquirerTerminalId), ColumnNamed);
        Report(number, problems, bad, plan);
        if (terminalId is not null && !bad.Contains(ImportColumns.TerminalId) && !plan.TerminalRows.TryAdd(terminalId, number))
        {
            plan.Errors.Add(number, ImportColumns.TerminalId,
                $"'terminalId' '{terminalId}' is also on row {plan.TerminalRows[terminalId]} (ids are compared ignoring letter case).");
        }
        // Checked here as well as when written (where the database decides a race): a file with other problems is refused
        // before it is written, and its answer must still name every terminal that is registered already.
        if (terminalId is not null && !bad.Contains(ImportColumns.TerminalId) && fleet.Get(terminalId) is not null)
        {
            plan.Errors.Add(number, ImportColumns.TerminalId, $"A terminal '{terminalId}' is registered already (ids are case-insensitive).");
        }
        AcquirerTerminalIdOnce(number, storeCode, acquirerTerminalId, bad, plan);
        if (plan.Errors.Count == errorsBefore && storeCode is not null)
        {
            plan.NewTerminals.Add(new TerminalRegistration(terminalId!, storeCode, model!, serial, AcquirerTerminalId: acquirerTerminalId));
        }
    }

    /// <summary>
    /// Two rows of the file giving one acquirer's terminal id twice (the registry checks the file against the fleet).
    /// Under the row's store's acquirer; a store without one forms no group.
    /// </summary>
    private void AcquirerTerminalIdOnce(int number, string? storeCode, string? acquirerTerminalId, HashSet<string> bad, ImportPlan plan)
    {
        if (storeCode is null || bad.Contains(ImportColumns.AcquirerTerminalId)) return;
        var acquirer = stores.Get(storeCode)?.Acquirer ?? plan.StoresByCode.GetValueOrDefault(storeCode)?.Acquirer;
        if (AcquirerTerminalIdHolders.Key(acquirer, acquirerTerminalId) is not { } key || plan.AcquirerTerminalRows.TryAdd(key, number)) return;
        plan.Errors.Add(number, ImportColumns.AcquirerTerminalId,
            $"'acquirerTerminalId' '{acquirerTerminalId}' is also on row {plan.AcquirerTerminalRows[key]} under the same acquirer '{acquirer}'.");
    }

    /// <summary>Checks the row's store part; returns the store's code as registered (or as first written), or null.</summary>
    private string? CheckStore(int number, Dictionary<string, string?> row, HashSet<string> bad, ImportPlan plan)
    {
        var code = row[ImportColumns.StoreCode];
        if (code is null)
        {
            plan.Errors.Add(number, ImportColumns.StoreCode, "'storeCode' is required.");
            return null;
        }
        if (bad.Contains(ImportColumns.StoreCode)) return null;
        if (stores.Get(code) is { } registered)
        {
            return SameStore(number, row, bad, registered, code, definingRow: null, plan) ? registered.Code : null;
        }
        if (plan.StoreRows.TryGetValue(code, out var firstRow))
        {
            if (plan.StoresByCode.TryGetValue(code, out var first)) return SameStore(number, row, bad, first, code, firstRow, plan) ? first.Code : null;
            // Its defining row is reported already; this row is still held to what that row wrote.
            if (plan.RefusedStores.TryGetValue(code, out var written)) SameStore(number, row, bad, written, code, firstRow, plan);
            return null;
        }
        plan.StoreRows[code] = number;
        var request = new CreateStoreRequest(code, row[ImportColumns.StoreName], row[ImportColumns.Region], row[ImportColumns.TimeZone],
            row.GetValueOrDefault(ImportColumns.Acquirer), row.GetValueOrDefault(ImportColumns.MerchantId));
        var before = plan.Errors.Count;
        Report(number, RegistrationRules.StoreProblems(request, ColumnNamed), bad, plan);
        if (plan.Errors.Count > before || bad.Count > 0)
        {
            // What the row left out or got wrong holds later rows to nothing ("" is never compared): they may well say it right.
            string Written(string column, string? value) => bad.Contains(column) || value is null ? "" : value;
            plan.RefusedStores[code] = new StoreInfo(code, Written(ImportColumns.StoreName, request.Name), Written(ImportColumns.Region, request.Region),
                Written(ImportColumns.TimeZone, request.TimeZone), Written(ImportColumns.Acquirer, request.Acquirer),
                Written(ImportColumns.MerchantId, request.MerchantId));
            return null;
        }
        var store = new StoreInfo(code, request.Name!, request.Region!, request.TimeZone!, request.Acquirer, request.MerchantId);
        plan.StoresByCode[code] = store;
        plan.NewStores.Add(store);
        return code;
    }

    /// <summary>
    /// A row naming a known store must spell its code alike (codes are case-insensitive, so "sh-001" beside "SH-001" is a
    /// typo, not a second store), and may repeat its name, region and time zone but not contradict them: an import never
    /// changes a store.
    /// </summary>
    /// <param name="definingRow">The file's row that defines the store; null for a store registered before. Each message
    /// is written whole for either case, so that it can be said in the reader's language.</param>
    private static bool SameStore(int number, Dictionary<string, string?> row, HashSet<string> bad, StoreInfo store, string code, int? definingRow, ImportPlan plan)
    {
        var before = plan.Errors.Count;
        if (!string.Equals(store.Code, code, StringComparison.Ordinal))
        {
            plan.Errors.Add(number, ImportColumns.StoreCode, definingRow is { } defining
                ? $"'storeCode' '{code}' differs only in letter case from '{store.Code}' of row {defining}, which defines this store; store codes are case-insensitive."
                : $"'storeCode' '{code}' differs only in letter case from the registered store '{store.Code}'; store codes are case-insensitive.");
        }
        Differs(ImportColumns.StoreName, store.Name);
        Differs(ImportColumns.Region, store.Region);
        Differs(ImportColumns.TimeZone, store.TimeZone);
        Differs(ImportColumns.Acquirer, store.Acquirer);
        Differs(ImportColumns.MerchantId, store.MerchantId);
        return plan.Errors.Count == before;

        void Differs(string column, string? expected)
        {
            // A cell already refused (a card number, a formula) is reported once, for its real reason.
            if (row.GetValueOrDefault(column) is { } given && !bad.Contains(column) && expected is not ""
                && !string.Equals(given, expected, StringComparison.Ordinal))
            {
                plan.Errors.Add(number, column, definingRow is { } defining
                    ? $"'{column}' differs from row {defining}, which defines this store; leave it empty or write it the same (an import does not change stores)."
                    : $"'{column}' differs from the registered store; leave it empty or write it the same (an import does not change stores).");
            }
        }
    }

    private static void Report(int number, Dictionary<string, string[]> problems, HashSet<string> bad, ImportPlan plan)
    {
        foreach (var (field, messages) in problems)
        {
            var column = ColumnOfField[field];
            if (bad.Contains(column)) continue;
            bad.Add(column);
            plan.Errors.Add(number, column, messages[0]);
        }
    }

    /// <summary>
    /// A cell a spreadsheet program would evaluate when someone opens an export of it (CSV injection): the OWASP list of
    /// leading characters. No store, terminal or model name needs them.
    /// </summary>
    private static bool LooksLikeFormula(string value) => value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r';
}
