using FleetOps.Core.Alerts;
using FleetOps.Core.Transactions;
using FleetOps.Web.Cases;

namespace FleetOps.Web.Alerts;

/// <summary>
/// One store-level alert while a store has card payments at risk (unsettled, and no resolved case): critical when one of
/// them was interrupted by a power loss or its authorisation is about to expire, since those are the money most likely
/// lost; else a warning.
/// </summary>
public sealed class MoneyAtRiskAlertSource(TransactionBook book, CaseBook cases) : IAlertSource
{
    public IReadOnlySet<AlertKind> Kinds { get; } = new HashSet<AlertKind> { AlertKind.MoneyAtRisk };

    public IEnumerable<AlertCondition> Conditions(DateTimeOffset now) =>
        cases.AtRisk(book)
            .GroupBy(t => t.StoreCode, StringComparer.OrdinalIgnoreCase)
            .Select(store => new AlertCondition(
                new AlertSubject(AlertKind.MoneyAtRisk, store.Key, null),
                store.Any(t => t.Verdict.Reason is UnsettledReason.InterruptedByPowerLoss or UnsettledReason.AuthorizationExpiring)
                    ? AlertSeverity.Critical
                    : AlertSeverity.Warning,
                store.Min(t => t.Record.AuthorizedAt)));
}
