namespace FleetOps.Core.Fleet;

/// <summary>
/// The fleet's side of <see cref="ListeningHistory"/>: a terminal's offline deadline counts only the time FleetOps listened
/// (not while it was down, nor while it could not reach its database), and what pausing and resuming the listening do.
/// </summary>
public sealed partial class FleetState
{
    // Set by Load, before requests are served, and replaced while the database is out of reach (PauseListening).
    private ListeningHistory _listening = ListeningHistory.None;

    /// <summary>When FleetOps listened: before the start that loaded this fleet, and whether it does now (<see cref="ListeningHistory"/>).</summary>
    public ListeningHistory Listening => Volatile.Read(ref _listening);

    /// <summary>
    /// FleetOps cannot reach its database since <paramref name="since"/> (its last moment known to reach it): terminals get
    /// 503 and nothing they say is stored, so from then on no terminal's time runs out (<see cref="ListeningHistory.Pause"/>).
    /// One that went offline between that moment and now, while the outage was not yet noticed, is online again.
    /// </summary>
    /// <returns>How many terminals changed.</returns>
    public int PauseListening(DateTimeOffset since) => ListenWith(listening => listening.Pause(since));

    /// <summary>
    /// The database is reachable again at <paramref name="at"/>: terminals online when the pause began have from now the
    /// time they had left then (<see cref="ListeningHistory.Resume"/>), and their deadlines are queued again.
    /// </summary>
    /// <returns>How many terminals changed.</returns>
    public int ResumeListening(DateTimeOffset at) => ListenWith(listening => listening.Resume(at));

    /// <summary>
    /// The host's clock was set from <paramref name="from"/> to <paramref name="to"/> while FleetOps ran
    /// (<see cref="ListeningHistory.Stepped"/>). Set back, a last contact the clock stamped ahead of <paramref name="to"/>
    /// becomes <paramref name="to"/>: kept, it would hold the terminal online for as long as the clock was ahead, so a
    /// terminal that died just after the correction would be seen offline only hours later.
    /// </summary>
    /// <returns>How many terminals changed.</returns>
    public int ClockStepped(DateTimeOffset from, DateTimeOffset to)
    {
        var changed = new Dictionary<string, TerminalSnapshot>(StringComparer.OrdinalIgnoreCase);
        lock (_gate)
        {
            foreach (var terminal in _terminals.Values.Where(t => t.LastContactAt > to).ToList())
            {
                changed[terminal.TerminalId] = _terminals[terminal.TerminalId] = terminal with { LastContactAt = to };
            }
            Volatile.Write(ref _listening, _listening.Stepped(from, to));
            foreach (var judged in JudgeAllAgain()) changed[judged.TerminalId] = judged;
        }
        var list = changed.Values.ToList();
        Notify(list);
        return list.Count;
    }

    private int ListenWith(Func<ListeningHistory, ListeningHistory> next)
    {
        List<TerminalSnapshot> changed;
        lock (_gate)
        {
            var listening = next(_listening);
            if (ReferenceEquals(listening, _listening)) return 0;
            Volatile.Write(ref _listening, listening);
            changed = JudgeAllAgain();
        }
        Notify(changed);
        return changed.Count;
    }

    /// <summary>When a terminal counts as offline: its last contact and the limit, with the time FleetOps was not listening forgiven.</summary>
    public DateTimeOffset? OfflineAt(TerminalSnapshot terminal) =>
        terminal.LastContactAt is { } contact ? Listening.OfflineAt(contact, Options.OfflineAfter) : null;

    private DateTimeOffset OfflineAt(DateTimeOffset contact) => _listening.OfflineAt(contact, _options.OfflineAfter);
}
