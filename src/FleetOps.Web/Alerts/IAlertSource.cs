using FleetOps.Core.Alerts;

namespace FleetOps.Web.Alerts;

/// <summary>
/// A detector as the alert centre sees it: the kinds it speaks for, and what it finds now. Every detector (fleet,
/// transactions, power incidents; later software, maintenance, training) is one, so a new kind needs a source and no
/// change to the lifecycle. Asked off the ingest path, by the evaluator, from the in-memory views.
/// </summary>
public interface IAlertSource
{
    IReadOnlySet<AlertKind> Kinds { get; }

    IEnumerable<AlertCondition> Conditions(DateTimeOffset now);
}
