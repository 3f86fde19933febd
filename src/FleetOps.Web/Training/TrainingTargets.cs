using FleetOps.Core.Detection;
using FleetOps.Core.Fleet;
using FleetOps.Core.Training;
using FleetOps.Core.Transactions;
using FleetOps.Web.Background;
using Microsoft.Extensions.Options;

namespace FleetOps.Web.Training;

/// <summary>
/// Targeting (issue 15): operator-caused failures per store over the last <see cref="Days"/> local days, counted by the
/// unsettled-payments rule (<see cref="OperatorFailureCounter"/>, the same as the worklist's) over the open sales and the
/// closed ones that were at risk (<see cref="MoneyAtRiskHistory"/> keeps 30 days of them), and the failed payments
/// themselves as evidence. A store reaching <see cref="TrainingOptions.RecommendAtOperatorFailures"/> is flagged.
/// </summary>
public sealed class TrainingTargets(FleetState fleet, StoreDirectory stores, MoneyAtRiskHistory history, DetectionOptions detection,
    IOptions<TrainingOptions> options, TimeProvider time)
{
    public const int Days = 30;

    /// <summary>Operator-caused failures per store (only stores that had any) within <paramref name="storeCodes"/> (null: all).</summary>
    public IReadOnlyDictionary<string, int> FailuresPerStore(IReadOnlySet<string>? storeCodes) =>
        Count(storeCodes).Result().Rows.ToDictionary(r => r.StoreCode, r => r.Total, StringComparer.OrdinalIgnoreCase);

    /// <summary>A store's failed payments of the last <see cref="Days"/> days, newest first.</summary>
    public IReadOnlyList<FailedPayment> Evidence(string storeCode) =>
        Count(new HashSet<string>([storeCode], StringComparer.OrdinalIgnoreCase)).Sales
            .Select(s => FailedPayment.From(s.Record, s.StoreCode))
            .OrderByDescending(p => p.AuthorizedAt).ThenBy(p => p.TerminalId, StringComparer.Ordinal).ToList();

    public bool Recommends(int failures) => options.Value.Recommends(failures);

    private OperatorFailureCounter Count(IReadOnlySet<string>? storeCodes)
    {
        var counter = new OperatorFailureCounter(fleet, stores, time.GetUtcNow(), detection, Days);
        foreach (var (record, storeCode) in history.Transactions())
        {
            if (storeCodes is null || storeCodes.Contains(storeCode)) counter.Offer(record, storeCode);
        }
        return counter;
    }
}
