namespace FleetOps.Web.Persistence;

/// <summary>Which line of a spell of failures <see cref="OutageNotice"/> is.</summary>
public enum OutageNoticeKind
{
    /// <summary>The first failure.</summary>
    Began,

    /// <summary>Still failing, a minute (<see cref="OutageLog.ReportEvery"/>) after the last line.</summary>
    Lasts,

    /// <summary>The first success after failures.</summary>
    Ended,
}
