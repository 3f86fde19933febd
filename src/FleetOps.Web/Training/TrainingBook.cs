using System.Collections.Concurrent;
using FleetOps.Core.Live;
using FleetOps.Core.Training;

namespace FleetOps.Web.Training;

/// <summary>
/// Every store's roster and training sessions, in memory (made by people: thousands, not millions). Loaded from the
/// database at start-up and changed only after a commit — this node's <see cref="TrainingService"/>, or another node's
/// write re-read by <see cref="TrainingPeerChanges"/> — so pages and the API read committed training. Pages follow a store
/// with <see cref="Subscribe"/> (called back off the writer's thread).
/// </summary>
public sealed class TrainingBook(TimeProvider time, ILogger<TrainingBook> logger) : IChangeSource<TrainingChange>
{
    private readonly ConcurrentDictionary<long, StaffMember> _staff = new();
    private readonly ConcurrentDictionary<long, TrainingSession> _sessions = new();
    private readonly ChangeFeed<TrainingChange> _changes = new("training", time, logger);

    /// <summary>One change of training at a time (people act at human speed; two clicks must not both win).</summary>
    internal SemaphoreSlim Gate { get; } = new(1, 1);

    public IDisposable Subscribe(Func<TrainingChange, bool>? relevant, Func<ChangeBatch<TrainingChange>, Task> callback, TimeSpan? minInterval = null) =>
        _changes.Subscribe(relevant, callback, minInterval);

    /// <summary>The programmes (shipped, not editable).</summary>
    public IReadOnlyList<TrainingProgramme> Programmes => DefaultProgrammes.All;

    public StaffMember? Staff(long id) => _staff.GetValueOrDefault(id);

    /// <summary>A store's roster, people who left included, by name.</summary>
    public IReadOnlyList<StaffMember> StaffOf(string storeCode) =>
        _staff.Values.Where(s => string.Equals(s.StoreCode, storeCode, StringComparison.OrdinalIgnoreCase))
            .OrderBy(s => s.Name, StringComparer.CurrentCultureIgnoreCase).ThenBy(s => s.Id).ToList();

    public TrainingSession? Session(long id) => _sessions.GetValueOrDefault(id);

    /// <summary>A store's sessions, newest first (by day held, then as recorded).</summary>
    public IReadOnlyList<TrainingSession> SessionsOf(string storeCode) =>
        _sessions.Values.Where(s => string.Equals(s.StoreCode, storeCode, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(s => s.HeldOn).ThenByDescending(s => s.Id).ToList();

    /// <summary>Every store's sessions held on <paramref name="from"/> or later, oldest first (the success rate's markers).</summary>
    public IReadOnlyList<TrainingSession> SessionsHeldFrom(DateOnly from) =>
        _sessions.Values.Where(s => s.HeldOn >= from).OrderBy(s => s.HeldOn).ThenBy(s => s.Id).ToList();

    /// <summary>The stores that have a roster.</summary>
    public IReadOnlyList<string> StoreCodes => _staff.Values.Select(s => s.StoreCode).Distinct(StringComparer.OrdinalIgnoreCase)
        .Order(StringComparer.OrdinalIgnoreCase).ToList();

    public void Load(IEnumerable<StaffMember> staff, IEnumerable<TrainingSession> sessions)
    {
        _staff.Clear();
        foreach (var person in staff) _staff[person.Id] = person;
        _sessions.Clear();
        foreach (var session in sessions) _sessions[session.Id] = session;
        _changes.PublishEverythingChanged();
    }

    public void Put(StaffMember person)
    {
        _staff[person.Id] = person;
        _changes.Publish(new TrainingChange(person.StoreCode));
    }

    public void Put(TrainingSession session)
    {
        _sessions[session.Id] = session;
        _changes.Publish(new TrainingChange(session.StoreCode));
    }
}
