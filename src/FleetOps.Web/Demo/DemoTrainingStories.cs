using System.Globalization;
using FleetOps.Core.Fleet;
using FleetOps.Core.Telemetry;
using FleetOps.Core.Training;
using FleetOps.Core.Wire;
using FleetOps.Web.Ingestion;
using FleetOps.Web.Maintenance;
using FleetOps.Web.Training;

namespace FleetOps.Web.Demo;

/// <summary>
/// Staff training in the demo (issue 15), told through the real services so the training pages have real rosters at start:
/// the first demo store is fully current, the second has people due soon, the third has an overdue person (so the alert
/// centre shows <c>training_overdue</c>), and the fourth has a person who left (their sessions stay). The store of the
/// backlog's incomplete sale gets two more sales left incomplete and then voided in the last days, so with the backlog's
/// own it reaches the "training recommended" threshold (3). Rosters are made once (a restart finds them); the extra sales
/// have fixed ids per run date, so a restart the same day only finds duplicates.
/// </summary>
public sealed partial class DemoTrainingStories(TrainingService training, TrainingBook book, EventWriter writer, FleetState fleet, StoreDirectory stores,
    TimeProvider time, bool inChinese, ILogger logger, MaintenanceActor actor)
{
    private static readonly string[][] Rosters =
    [
        ["Chen Jing", "Liu Yang", "Zhao Min"],
        ["Sun Li", "Zhou Tao", "Wu Hua"],
        ["Xu Lei", "Ma Lin", "Hu Jun"],
        ["Guo Fei", "He Ping", "Lin Xue"],
    ];

    public async Task TellAsync(CancellationToken cancellationToken)
    {
        var demoStores = stores.All.Where(s => fleet.InStore(s.Code).Any(t => t.TerminalId.StartsWith(DemoChain.TerminalPrefix, StringComparison.Ordinal)))
            .Take(Rosters.Length).ToList();
        for (var i = 0; i < demoStores.Count; i++)
        {
            var store = demoStores[i].Code;
            if (book.StaffOf(store).Count > 0) continue;
            var today = training.Today(store);
            var people = new List<long>();
            foreach (var name in Rosters[i])
            {
                var role = inChinese ? (people.Count == 0 ? "店长助理" : "收银员") : (people.Count == 0 ? "supervisor" : "cashier");
                if ((await training.AddStaffAsync(store, name, role, today.AddYears(-2), actor, null, cancellationToken)).Value is { } p)
                    people.Add(p.Id);
            }
            // Store 1: trained two months ago; store 2: 11½ months ago (due soon; the plan 5½ months ago); stores 3 and 4: recently.
            var heldOn = i == 1 ? today.AddMonths(-12).AddDays(15) : today.AddMonths(-2);
            foreach (var programme in DefaultProgrammes.All)
            {
                var held = i == 1 && programme.ValidForMonths == 6 ? today.AddMonths(-6).AddDays(15) : heldOn;
                // Store 3: the first person missed the payment refresher last year, so theirs ran out.
                var trained = i == 2 && programme.Key == DefaultProgrammes.CardPayment ? people.Skip(1).ToList() : people;
                await training.RecordSessionAsync(new SessionDraft(store, programme.Key, held, inChinese ? "王芳" : "Wang Fang", trained,
                    programme.Items.Where(it => it.Required).Select(it => it.Key).ToList()), actor, null, cancellationToken);
            }
            if (i == 2)
            {
                await training.RecordSessionAsync(new SessionDraft(store, DefaultProgrammes.CardPayment, today.AddMonths(-14), "Wang Fang", [people[0]],
                    DefaultProgrammes.Find(DefaultProgrammes.CardPayment)!.Items.Where(it => it.Required).Select(it => it.Key).ToList()),
                    actor, null, cancellationToken);
            }
            if (i == 3) await training.MarkLeftAsync(store, people[^1], actor, null, cancellationToken);
        }
        await WriteFailedSalesAsync(cancellationToken);
        LogTold(demoStores.Count);
    }

    /// <summary>Two sales left incomplete and voided later, on the terminal of the backlog's incomplete sale (the 4th demo terminal).</summary>
    private async Task WriteFailedSalesAsync(CancellationToken cancellationToken)
    {
        var terminal = fleet.All.Where(t => t.TerminalId.StartsWith(DemoChain.TerminalPrefix, StringComparison.Ordinal) && !t.Registration.Decommissioned)
            .Select(t => t.TerminalId).Order(StringComparer.Ordinal).Skip(3).FirstOrDefault();
        if (terminal is null) return;
        var now = time.GetUtcNow();
        var day = now.UtcDateTime.ToString("yyMMdd", CultureInfo.InvariantCulture);
        var events = new List<TelemetryEvent>();
        foreach (var (daysAgo, n) in new[] { (3, 1), (9, 2) })
        {
            var authorizedAt = now.AddDays(-daysAgo);
            var id = $"{day}-{9100 + n}";
            foreach (var (stage, at) in new[] { (TransactionStage.Authorized, authorizedAt), (TransactionStage.Voided, authorizedAt.AddMinutes(25)) })
            {
                events.Add(new TransactionEvent($"demo-training.{day}.{n}.{stage.ToWire()}", at, id, stage, 3900 + n * 1000, "CNY",
                    "622202******7304", $"T{n}K9ZC", $"60510278{n:0000}", $"9{day[1..]}"));
            }
        }
        await writer.WriteAsync(terminal, events, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo training stories told for {Stores} stores")]
    private partial void LogTold(int stores);
}
