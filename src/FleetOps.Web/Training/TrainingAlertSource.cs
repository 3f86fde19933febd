using FleetOps.Core.Alerts;
using FleetOps.Core.Training;
using FleetOps.Web.Alerts;

namespace FleetOps.Web.Training;

/// <summary>
/// <c>training_overdue</c> (docs/api.md §5): one warning per store while any person still employed there is overdue (a
/// programme's training ran out, or one they never completed while others are done), since the earliest day a training
/// ran out (now, when only a never-completed programme makes them overdue). A new session that covers them resolves it;
/// people never trained at all do not raise it — the compliance page shows them.
/// </summary>
public sealed class TrainingAlertSource(TrainingBook book, TrainingService training) : IAlertSource
{
    public IReadOnlySet<AlertKind> Kinds { get; } = new HashSet<AlertKind> { AlertKind.TrainingOverdue };

    public IEnumerable<AlertCondition> Conditions(DateTimeOffset now)
    {
        foreach (var storeCode in book.StoreCodes)
        {
            var overdue = training.Compliance(storeCode).People.Where(p => p.Status == TrainingStatus.Overdue).ToList();
            if (overdue.Count == 0) continue;
            var ranOut = overdue.SelectMany(p => p.Programmes).Where(s => s.Status == TrainingStatus.Overdue).Select(s => s.ValidUntil!.Value).ToList();
            var since = ranOut.Count == 0 ? now : new DateTimeOffset(ranOut.Min().AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            yield return new AlertCondition(new AlertSubject(AlertKind.TrainingOverdue, storeCode, null), AlertSeverity.Warning, since < now ? since : now);
        }
    }
}
