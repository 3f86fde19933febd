using FleetOps.Core.Live;
using Microsoft.AspNetCore.Components;

namespace FleetOps.Web.Components.Shared;

/// <summary>
/// The one way a page or widget follows live stores. <see cref="Follow{TChange}"/> subscribes to a store
/// (<see cref="IChangeSource{TChange}"/>: fleet, book, cases, users, stores); a relevant change re-runs
/// <see cref="OnLiveChangeAsync"/> and re-renders on the circuit's renderer — the first change after a quiet spell at once,
/// later ones at most once per <see cref="ChangeFeed{TChange}.DefaultInterval"/>. <see cref="FollowClock"/> does the
/// same on a timer, so relative times ("2 min ago") age. Several sources share one refresh: while one is queued on the
/// renderer, another change adds nothing, since the queued one reads the newest state. <see cref="FollowAddress"/> keeps
/// the view in the page's address and follows it too. Everything stops with the component.
/// </summary>
public abstract class LiveComponent : LocalizedComponent, IDisposable
{
    private readonly List<IDisposable> _following = [];
    private ViewAddress? _address;
    private int _refreshQueued;
    private int _rereadWanted;

    [Inject] protected TimeProvider Time { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    /// <summary>
    /// The page's address as the home of its view (filters, sort, page, tab); <paramref name="changedOutside"/> re-reads
    /// the view when a link or the menu changes the address while the page is open, and re-renders afterwards.
    /// </summary>
    protected ViewAddress FollowAddress(Func<Task> changedOutside) => _address ??= new ViewAddress(Navigation, () => InvokeAsync(async () =>
    {
        await changedOutside();
        StateHasChanged();
    }));

    /// <summary>Re-reads what the component shows after a followed change or a clock tick; it re-renders afterwards.</summary>
    protected virtual Task OnLiveChangeAsync() => Task.CompletedTask;

    /// <summary>What a live component shows is re-read after a change of language too, so texts made in C# follow.</summary>
    protected override Task OnLanguageChangedAsync() => OnLiveChangeAsync();

    /// <param name="relevant">Which changes concern this component (null: all); quick and pure, it runs on the writer's thread too.</param>
    /// <param name="minInterval">Null for the pages' default; zero where a change must act at once (a role lost).</param>
    protected void Follow<TChange>(IChangeSource<TChange> source, Func<TChange, bool>? relevant = null, TimeSpan? minInterval = null) =>
        _following.Add(source.Subscribe(relevant, _ => RefreshAsync(), minInterval));

    /// <param name="rereads">
    /// False where a tick changes only what is shown relative to now (ages, "expires in"): it re-renders without
    /// <see cref="OnLiveChangeAsync"/>, which then runs for followed changes only and need not tell a tick from a change.
    /// </param>
    protected void FollowClock(TimeSpan every, bool rereads = true) =>
        _following.Add(Time.CreateTimer(_ => _ = RefreshAsync(rereads), null, every, every));

    /// <summary>Ends every subscription and clock, e.g. before following another terminal when a parameter changed.</summary>
    protected void StopFollowing()
    {
        foreach (var following in _following) following.Dispose();
        _following.Clear();
    }

    private Task RefreshAsync() => RefreshAsync(rereads: true);

    private async Task RefreshAsync(bool rereads)
    {
        // Wanted before the queue is looked at: a change arriving while a plain tick is queued makes that refresh re-read.
        if (rereads) Volatile.Write(ref _rereadWanted, 1);
        if (Interlocked.Exchange(ref _refreshQueued, 1) == 1) return;
        try
        {
            await InvokeAsync(async () =>
            {
                Volatile.Write(ref _refreshQueued, 0);
                Language?.Apply(); // a timer's thread carries the culture of when it was made, not the circuit's current one
                if (Interlocked.Exchange(ref _rereadWanted, 0) == 1) await OnLiveChangeAsync();
                StateHasChanged();
            });
        }
        catch (ObjectDisposedException)
        {
            // The circuit went away between the change and the render.
        }
    }

    public void Dispose()
    {
        StopFollowing();
        _address?.Dispose();
        GC.SuppressFinalize(this);
    }
}
