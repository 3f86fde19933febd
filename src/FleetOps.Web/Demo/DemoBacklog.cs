using System.Globalization;
using FleetOps.Core.Cases;
using FleetOps.Core.Fleet;
using FleetOps.Core.Telemetry;
using FleetOps.Web.Cases;
using FleetOps.Web.Ingestion;
using FleetOps.Core.Wire;

namespace FleetOps.Web.Demo;

/// <summary>
/// A small late backlog of card sales that the demo writes at every start, through the real event writer, so that the
/// unsettled worklist shows each of its reasons (and a lost sale) right away instead of after a day of simulation:
/// a sale completed 30 hours ago and never settled (not_settled), one authorised 5 days ago and never settled
/// (authorization_expiring), one authorised 10 minutes ago whose terminal lost power 20 s later
/// (interrupted_by_power_loss), one authorised 10 minutes ago and never completed (incomplete), and one reversed after
/// a power loss (sale lost). Each story has a terminal of its own, because a power loss counts for all the open sales
/// of its terminal. Event and transaction ids are fixed per run date, so a restart on the same day only finds duplicates.
/// The expiring sale also gets a case already worked up to "contact the acquirer", so the case workflow has an example.
/// </summary>
public sealed partial class DemoBacklog(EventWriter writer, FleetState fleet, TimeProvider time, ILogger logger, CaseService? cases = null,
    bool inChinese = false)
{
    private const string Currency = "CNY";

    /// <summary>One sale of the backlog and the card it was paid with.</summary>
    private sealed record Story(string Name, long AmountMinor, string MaskedPan, string AuthCode, string Rrn);

    private static readonly Story[] Stories =
    [
        new("not-settled", 36800, "622848******4471", "7Q2K9D", "604218337152"),
        new("expiring", 129900, "436742******0932", "H4M8TX", "603911205847"),
        new("interrupted", 8650, "621700******5518", "2RW6PA", "605102774690"),
        new("incomplete", 4500, "622202******7304", "K9ZC3E", "605102781133"),
        new("lost", 21900, "524094******2286", "5TNB7V", "605101968402"),
    ];

    /// <summary>Writes the backlog of this run date (a no-op apart from duplicates if it was written before).</summary>
    public async Task<IngestResult> WriteAsync(CancellationToken cancellationToken)
    {
        var terminals = fleet.All
            .Where(t => t.TerminalId.StartsWith(DemoChain.TerminalPrefix, StringComparison.Ordinal) && !t.Registration.Decommissioned)
            .Select(t => t.TerminalId).Order(StringComparer.Ordinal).Take(Stories.Length).ToList();
        if (terminals.Count < Stories.Length)
        {
            LogTooFewTerminals(Stories.Length);
            return new IngestResult(0, 0);
        }
        var now = time.GetUtcNow();
        var day = now.UtcDateTime.ToString("yyMMdd", CultureInfo.InvariantCulture);
        int accepted = 0, duplicates = 0;
        for (var i = 0; i < Stories.Length; i++)
        {
            var result = await writer.WriteAsync(terminals[i], Events(Stories[i], i, day, now), cancellationToken);
            accepted += result.Accepted;
            duplicates += result.Duplicates;
        }
        LogWritten(day, accepted, duplicates);
        await OpenExampleCaseAsync(terminals[1], $"{day}-{9002}");
        return new IngestResult(accepted, duplicates);
    }

    private static List<TelemetryEvent> Events(Story story, int index, string day, DateTimeOffset now)
    {
        var transactionId = $"{day}-{9001 + index}";
        var batch = $"9{day[1..]}";
        var events = new List<TelemetryEvent>();
        void Sale(TransactionStage stage, DateTimeOffset at) => events.Add(new TransactionEvent(
            $"demo-backlog.{day}.{story.Name}.{stage.ToWire()}", at, transactionId, stage, story.AmountMinor, Currency,
            story.MaskedPan, story.AuthCode, story.Rrn, batch));
        void Power(PowerState state, DateTimeOffset at) =>
            events.Add(new PowerEvent($"demo-backlog.{day}.{story.Name}.{state.ToWire()}", at, state));

        switch (story.Name)
        {
            case "not-settled":
                Sale(TransactionStage.Authorized, now.AddHours(-30).AddSeconds(-45));
                Sale(TransactionStage.Completed, now.AddHours(-30));
                break;
            case "expiring":
                Sale(TransactionStage.Authorized, now.AddDays(-5));
                Sale(TransactionStage.Completed, now.AddDays(-5).AddSeconds(35));
                break;
            case "interrupted":
                Sale(TransactionStage.Authorized, now.AddMinutes(-10));
                Power(PowerState.Lost, now.AddMinutes(-10).AddSeconds(20));
                Power(PowerState.Restored, now.AddMinutes(-8));
                break;
            case "incomplete":
                Sale(TransactionStage.Authorized, now.AddMinutes(-10));
                break;
            default: // lost: the terminal died mid-sale and reversed the authorisation when it came back
                Sale(TransactionStage.Authorized, now.AddHours(-2));
                Power(PowerState.Lost, now.AddHours(-2).AddSeconds(15));
                Power(PowerState.Restored, now.AddHours(-2).AddSeconds(70));
                Sale(TransactionStage.Reversed, now.AddHours(-2).AddSeconds(95));
                break;
        }
        return events;
    }

    /// <summary>The administrator took the expiring sale, checked it, called the bank; only on the first start of the day.</summary>
    private async Task OpenExampleCaseAsync(string terminalId, string transactionId)
    {
        if (cases is null || fleet.Get(terminalId) is not { } terminal) return;
        var admin = DemoUsers.Accounts[0].Email;
        var opened = await cases.OpenAsync(terminalId, transactionId, terminal.StoreCode, admin);
        if (opened.Owner is not null || opened.Step != CaseStep.CheckRecord) return;
        await cases.AssignOwnerAsync(opened.Id, admin, admin);
        await cases.AdvanceAsync(opened.Id, admin);
        // A note is what a person wrote, not a label the localiser translates: written in the chain's language, as the
        // other stories' notes are.
        await cases.AddNoteAsync(opened.Id, inChinese
            ? "已致电收单机构商户服务台：批次未收到。对方正在追查，稍后回电。"
            : "Called the acquirer's merchant desk: batch never received. They are tracing it and will call back.", admin);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo backlog of {Day}: {Accepted} events written, {Duplicates} already there")]
    private partial void LogWritten(string day, int accepted, int duplicates);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo backlog skipped: it needs at least {Needed} demo terminals")]
    private partial void LogTooFewTerminals(int needed);
}
