using System.Globalization;
using FleetOps.Core.Alerts;
using FleetOps.Web.Localization;
using FleetOps.Web.Alerts;

namespace FleetOps.Web.Tests.Alerts;

/// <summary>
/// An alert's English title is what the API, webhooks and stored work-order titles carry: every kind keeps its sentence,
/// and the English resource the pages translate it from says the same (else a stored work-order title would no longer be
/// recognised, and would stay English in the Chinese UI).
/// </summary>
public sealed class AlertTitleTests
{
    public static TheoryData<AlertKind, string?, string> Titles => new()
    {
        { AlertKind.Offline, "T-1", "Terminal T-1 at S-1 is offline" },
        { AlertKind.UnstablePower, "T-1", "Terminal T-1 at S-1 has unstable power" },
        { AlertKind.StorePowerOutage, null, "Store S-1 has a power outage" },
        { AlertKind.BatteryWeak, "T-1", "Terminal T-1 at S-1 has a weak battery" },
        { AlertKind.MoneyAtRisk, null, "Store S-1 has card payments at risk" },
        { AlertKind.UnsupportedSoftware, "T-1", "Terminal T-1 at S-1 runs unsupported software" },
        { AlertKind.UpdateOverdue, "T-1", "Terminal T-1 at S-1 is overdue for a software update" },
        { AlertKind.RolloutHalted, null, "A software rollout at S-1 was halted" },
        { AlertKind.MaintenanceOverdue, null, "Maintenance at S-1 is overdue" },
        { AlertKind.TrainingOverdue, null, "Staff training at S-1 is overdue" },
    };

    [Theory]
    [MemberData(nameof(Titles))]
    public void Every_kind_keeps_its_English_sentence(AlertKind kind, string? terminalId, string title) =>
        Assert.Equal(title, AlertTitle.Of(kind, terminalId, "S-1"));

    /// <summary>A stored title is recognised and translated only while the English resource says what AlertTitle wrote.</summary>
    [Theory]
    [MemberData(nameof(Titles))]
    public void The_translated_titles_English_is_the_same_sentence(AlertKind kind, string? terminalId, string title)
    {
        var key = WorkOrderText.AlertTitleKey(kind);
        Assert.NotNull(key);
        var english = CultureLocalizer<UiText>.Exact(key, CultureInfo.InvariantCulture);
        Assert.Equal(title, string.Format(CultureInfo.InvariantCulture, english!, terminalId, "S-1"));
    }

    [Fact]
    public void The_table_covers_every_kind() =>
        Assert.Equal(Enum.GetValues<AlertKind>().Order(), Titles.Select(row => (AlertKind)row[0]).Order());
}
