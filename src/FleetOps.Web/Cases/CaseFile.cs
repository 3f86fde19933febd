using FleetOps.Core.Cases;
using FleetOps.Core.Fleet;
using FleetOps.Core.Transactions;

namespace FleetOps.Web.Cases;

/// <summary>
/// Everything the case page shows for one transaction: the merged record (from the open book, or from the database
/// once it closed), its verdict while open, the case and its trail, and the terminal's timeline around it.
/// </summary>
public sealed record CaseFile(
    TransactionRecord Record, string StoreCode, StoreInfo? Store, UnsettledVerdict? Verdict, RecoveryCase? Case,
    IReadOnlyList<CaseEntry> Trail, IReadOnlyList<CaseTimelineLine> Timeline)
{
    /// <summary>
    /// How far before the authorisation and after its last stage the timeline reaches by default: enough for the power loss
    /// or restart that interrupted the sale, without every later sale of the terminal (the page can widen it).
    /// </summary>
    public static readonly TimeSpan Margin = TimeSpan.FromMinutes(30);

    /// <summary>The widest window the page offers (a whole shift either side).</summary>
    public static readonly TimeSpan MaxMargin = TimeSpan.FromHours(8);
}
