namespace FleetOps.Core.Maintenance;

/// <summary>The running counts behind one <see cref="KpiFigures"/> while <see cref="MaintenanceKpis"/> walks the work orders.</summary>
internal sealed class KpiTally
{
    private readonly List<TimeSpan> _alertToDone = [];

    public int Planned { get; set; }
    public int Ahead { get; set; }
    public int Done { get; set; }
    public int DoneOnTime { get; set; }
    public int OverdueNow { get; set; }

    public void AddAlertToDone(TimeSpan took) => _alertToDone.Add(took);

    public KpiFigures ToFigures() => new(Planned, Done, DoneOnTime, OverdueNow, _alertToDone.Order().ToList()) { Ahead = Ahead };
}
