using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using FleetOps.Core.Live;
using FleetOps.Core.Text;
using FleetOps.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FleetOps.Web.Security;

/// <summary>
/// Management API tokens: created and revoked by their owner, shown once, stored as SHA-256 hashes and
/// cached in memory so that a revoke takes effect on the very next request. A token stops working by itself at its
/// expiry, chosen when it is made (or never, for one made to work until revoked). Pages follow it
/// (<see cref="Subscribe"/>): a token an administrator revokes shows as revoked on its owner's open page at once, on every node.
/// </summary>
public sealed class ApiTokenDirectory(FleetDbContextFactory databases, TimeProvider time, ILogger<ApiTokenDirectory> logger)
    : IChangeSource<ApiTokenInfo>
{
    /// <summary>The longest a token may be made to last; longer is what "no expiry" (a null lifetime) is for.</summary>
    public static readonly TimeSpan LongestLifetime = TimeSpan.FromDays(365);

    private readonly ConcurrentDictionary<string, ApiTokenInfo> _byHash = new(StringComparer.Ordinal);
    private readonly ChangeFeed<ApiTokenInfo> _changes = new("api tokens", time, logger);
    private long _version;

    /// <summary>
    /// One change of the cache at a time: a peer's re-read (its database read and its swap) must not straddle a revoke made
    /// here, or it would put back a token read as live just before the revoke — accepted again on this node until the next
    /// token news. Relay messages start re-reads without waiting for each other, so they take turns here too.
    /// </summary>
    private readonly SemaphoreSlim _changing = new(1, 1);

    /// <summary>Grows with every change of the tokens told to subscribers (none for a re-read that found nothing new).</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>Tokens created or revoked, here or (after <see cref="ReloadFromPeerAsync"/>) on another node.</summary>
    public IDisposable Subscribe(Func<ApiTokenInfo, bool>? relevant, Func<ChangeBatch<ApiTokenInfo>, Task> callback, TimeSpan? minInterval = null) =>
        _changes.Subscribe(relevant, callback, minInterval);

    /// <summary>Raised after a token was revoked, so that whatever it keeps open (hub connections) is closed.</summary>
    public event Action<ApiTokenInfo>? Revoked;

    /// <summary>
    /// Raised after a token was created or revoked on this node (not after <see cref="ReloadFromPeerAsync"/>), so that the
    /// cluster relay tells the other nodes to re-read theirs.
    /// </summary>
    public event Action? ChangedHere;

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        await using var db = databases.CreateDbContext();
        var rows = await db.ApiTokens.AsNoTracking().Where(t => t.RevokedAt == null).ToListAsync(cancellationToken);
        _byHash.Clear();
        foreach (var row in rows) _byHash[Convert.ToHexString(row.Hash)] = ApiTokenInfo.Of(row);
    }

    /// <summary>
    /// The token, or null when it is unknown or revoked. An expired token is found (<see cref="ApiTokenInfo.HasExpired"/>),
    /// so that the refusal can say that it expired and when, rather than leave its owner to guess.
    /// </summary>
    public ApiTokenInfo? Find(string token)
    {
        var found = _byHash.GetValueOrDefault(Convert.ToHexString(Hash(token)));
        return found is { RevokedAt: null } ? found : null;
    }

    /// <summary>The token with this id, expired or not; null when it is revoked or unknown (a few per user: a scan is fine at hub connect).</summary>
    public ApiTokenInfo? ById(int tokenId) => _byHash.Values.FirstOrDefault(t => t.Id == tokenId);

    /// <summary>Whether the token with this id is still valid: neither revoked nor expired.</summary>
    public bool IsLive(int tokenId) => ById(tokenId) is { } token && !token.HasExpired(time.GetUtcNow());

    /// <summary>When the token with this id expires (or expired); null when it never does, or is revoked or unknown.</summary>
    public DateTimeOffset? ExpiryOf(int tokenId) => ById(tokenId)?.ExpiresAt;

    /// <summary>How many of the user's tokens still work (neither revoked nor expired; read from memory).</summary>
    public int LiveCountOf(string userId)
    {
        var now = time.GetUtcNow();
        return _byHash.Values.Count(t => t.UserId == userId && !t.HasExpired(now));
    }

    /// <summary>The owner's live tokens that expire soon (<see cref="ApiTokenInfo.ExpiresSoon"/>), soonest first (read from memory).</summary>
    public IReadOnlyList<ApiTokenInfo> ExpiringSoon(string userId)
    {
        var now = time.GetUtcNow();
        return _byHash.Values.Where(t => t.UserId == userId && t.ExpiresSoon(now)).OrderBy(t => t.ExpiresAt).ToList();
    }

    /// <summary>
    /// Creates a token of <paramref name="userId"/> that stops working after <paramref name="lifetime"/> (null: only when
    /// revoked). The secret is returned once and never stored.
    /// </summary>
    public async Task<(ApiTokenInfo Info, string Token)> CreateAsync(
        string userId, string name, TimeSpan? lifetime, CancellationToken cancellationToken = default)
    {
        KeptText.Ensure("Name", name); // shown on the tokens page and in the audit log
        if (lifetime is { } span && (span <= TimeSpan.Zero || span > LongestLifetime))
        {
            throw new ArgumentOutOfRangeException(nameof(lifetime), span, "A token's lifetime is more than nothing and at most a year.");
        }
        var (row, token) = NewRow(userId, name.Trim(), lifetime);
        ApiTokenInfo info;
        await _changing.WaitAsync(cancellationToken);
        try
        {
            await using var db = databases.CreateDbContext();
            db.ApiTokens.Add(row);
            await db.SaveChangesAsync(cancellationToken);
            info = ApiTokenInfo.Of(row);
            _byHash[Convert.ToHexString(row.Hash)] = info;
        }
        finally
        {
            _changing.Release();
        }
        ChangedHere?.Invoke();
        Publish([info]);
        return (info, token);
    }

    /// <summary>
    /// Replaces a live token with a new one of the same owner and name that lasts as long as the old one was made to (no
    /// expiry stays none), in one transaction: from then on the old token is refused (revoked by <paramref name="rotatedBy"/>)
    /// and the new one accepted, on every node. For a script that renews its own token before it expires. Null when the
    /// token is revoked, expired or unknown. The new secret is returned once and never stored.
    /// </summary>
    public async Task<(ApiTokenInfo Old, ApiTokenInfo New, string Token)?> RotateAsync(
        int tokenId, string rotatedBy, CancellationToken cancellationToken = default)
    {
        ApiTokenInfo old, made;
        string token;
        await _changing.WaitAsync(cancellationToken);
        try
        {
            await using var db = databases.CreateDbContext();
            var row = await db.ApiTokens.AsNoTracking().FirstOrDefaultAsync(t => t.Id == tokenId, cancellationToken);
            if (row is null || row.RevokedAt is not null || ApiTokenInfo.Of(row).HasExpired(time.GetUtcNow())) return null;
            (var fresh, token) = NewRow(row.UserId, row.Name, row.ExpiresAt - row.CreatedAt);
            row.RevokedAt = fresh.CreatedAt;
            row.RevokedBy = Kept(rotatedBy);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // Claimed by a conditional update: two rotations of one token (a retried call, another node) make one new token.
            if (!await ClaimAsync(db, tokenId, row.RevokedAt.Value, row.RevokedBy, cancellationToken)) return null;
            db.ApiTokens.Add(fresh);
            // Not cancelled from here on: a caller gone during the COMMIT must not leave this node's cache behind the row.
            await db.SaveChangesAsync(CancellationToken.None);
            // The link an owner or administrator follows from the revoked token to the one that lives on (its id is known now).
            row.ReplacedById = fresh.Id;
            await db.ApiTokens.Where(t => t.Id == tokenId)
                .ExecuteUpdateAsync(u => u.SetProperty(t => t.ReplacedById, fresh.Id), CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
            _byHash.TryRemove(Convert.ToHexString(row.Hash), out _);
            made = ApiTokenInfo.Of(fresh);
            _byHash[Convert.ToHexString(fresh.Hash)] = made;
            old = ApiTokenInfo.Of(row);
        }
        finally
        {
            _changing.Release();
        }
        Revoked?.Invoke(old);
        ChangedHere?.Invoke();
        Publish([old, made]);
        return (old, made, token);
    }

    /// <summary>
    /// Revokes one of <paramref name="userId"/>'s tokens (administrators may revoke anyone's: <paramref name="anyOwner"/>);
    /// <paramref name="revokedBy"/> (an e-mail) is kept, so that an owner whose script stopped can read who stopped it.
    /// </summary>
    public async Task<ApiTokenInfo?> RevokeAsync(
        int tokenId, string userId, bool anyOwner, string revokedBy, CancellationToken cancellationToken = default)
    {
        ApiTokenInfo revoked;
        await _changing.WaitAsync(cancellationToken);
        try
        {
            await using var db = databases.CreateDbContext();
            var row = await db.ApiTokens.AsNoTracking().FirstOrDefaultAsync(t => t.Id == tokenId && (anyOwner || t.UserId == userId), cancellationToken);
            if (row is null || row.RevokedAt is not null) return null;
            var (at, by) = (time.GetUtcNow(), Kept(revokedBy));
            // Conditional, as a rotation's claim: a token rotated on another node since the read is not "revoked" over it
            // (the caller is told it was revoked already and by whom). Not cancelled once sent: the cache must follow the row.
            if (!await ClaimAsync(db, tokenId, at, by, CancellationToken.None)) return null;
            (row.RevokedAt, row.RevokedBy) = (at, by);
            _byHash.TryRemove(Convert.ToHexString(row.Hash), out _);
            revoked = ApiTokenInfo.Of(row);
        }
        finally
        {
            _changing.Release();
        }
        Revoked?.Invoke(revoked);
        ChangedHere?.Invoke();
        Publish([revoked]);
        return revoked;
    }

    /// <summary>
    /// Re-reads the live tokens after another node created or revoked one: new ones are accepted here from now on, and for
    /// each one gone <see cref="Revoked"/> is raised, so its hub connections on this node close too. Swapped in entry by
    /// entry, never cleared first: a request meanwhile must not find a live token missing.
    /// </summary>
    public async Task ReloadFromPeerAsync(CancellationToken cancellationToken = default)
    {
        await _changing.WaitAsync(cancellationToken);
        try
        {
            await ReloadAsync(cancellationToken);
        }
        finally
        {
            _changing.Release();
        }
    }

    private async Task ReloadAsync(CancellationToken cancellationToken)
    {
        await using var db = databases.CreateDbContext();
        var rows = await db.ApiTokens.AsNoTracking().ToListAsync(cancellationToken); // a few per user: all of them is fine
        var live = rows.Where(r => r.RevokedAt == null).ToDictionary(r => Convert.ToHexString(r.Hash), ApiTokenInfo.Of, StringComparer.Ordinal);
        var newestRead = rows.Count == 0 ? 0 : rows.Max(r => r.Id);
        var changed = new List<ApiTokenInfo>();
        foreach (var (hash, info) in live)
        {
            if (!_byHash.TryGetValue(hash, out var held) || held != info) changed.Add(info);
            _byHash[hash] = info;
        }
        // Ids only grow: a token newer than the read is not gone (creations here wait for this re-read anyway).
        var byId = rows.ToDictionary(r => r.Id);
        foreach (var (hash, info) in _byHash.Where(t => !live.ContainsKey(t.Key) && t.Value.Id <= newestRead).ToList())
        {
            if (!_byHash.TryRemove(hash, out _)) continue;
            Revoked?.Invoke(info);
            changed.Add(byId.TryGetValue(info.Id, out var row) ? ApiTokenInfo.Of(row) : info);
        }
        Publish(changed);
    }

    /// <summary>
    /// A new token's row and its secret. Times in whole seconds: PostgreSQL keeps microseconds, and the times held here must
    /// be those the row gives back after a restart or on another node, not a tick-exact copy that differs from them.
    /// </summary>
    private (ApiTokenRow Row, string Token) NewRow(string userId, string name, TimeSpan? lifetime)
    {
        var clock = time.GetUtcNow();
        var now = new DateTimeOffset(clock.UtcTicks - clock.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        var token = "fo_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var row = new ApiTokenRow
        {
            UserId = userId, Name = name, Prefix = token[..10], Hash = Hash(token), CreatedAt = now, ExpiresAt = now + lifetime,
        };
        return (row, token);
    }

    /// <summary>
    /// Marks the token revoked only if it is not already — a rotation or revoke on another node since it was read wins —
    /// and says whether this call did it.
    /// </summary>
    private static async Task<bool> ClaimAsync(FleetDbContext db, int tokenId, DateTimeOffset at, string by, CancellationToken cancellationToken) =>
        await db.ApiTokens.Where(t => t.Id == tokenId && t.RevokedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.RevokedAt, at).SetProperty(t => t.RevokedBy, by), cancellationToken) == 1;

    /// <summary>Who revoked a token, as the column keeps it (an e-mail is at most 256 characters anyway).</summary>
    private static string Kept(string revokedBy) => revokedBy.Length > 256 ? revokedBy[..256] : revokedBy;

    private void Publish(IReadOnlyList<ApiTokenInfo> changed)
    {
        if (changed.Count == 0) return;
        Interlocked.Increment(ref _version);
        _changes.Publish(changed);
    }

    /// <summary>Every person's tokens, revoked ones too, newest first: for administrators (a few per person: all of them is fine).</summary>
    public async Task<IReadOnlyList<ApiTokenInfo>> AllAsync(CancellationToken cancellationToken = default)
    {
        await using var db = databases.CreateDbContext();
        var rows = await db.ApiTokens.AsNoTracking().OrderByDescending(t => t.Id).ToListAsync(cancellationToken);
        return rows.Select(ApiTokenInfo.Of).ToList();
    }

    /// <summary>The token with this id, revoked or not; null when there is none.</summary>
    public async Task<ApiTokenInfo?> GetAsync(int tokenId, CancellationToken cancellationToken = default)
    {
        await using var db = databases.CreateDbContext();
        return await db.ApiTokens.AsNoTracking().FirstOrDefaultAsync(t => t.Id == tokenId, cancellationToken) is { } row ? ApiTokenInfo.Of(row) : null;
    }

    public async Task<IReadOnlyList<ApiTokenInfo>> ForUserAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = databases.CreateDbContext();
        var rows = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.Id).ToListAsync(cancellationToken);
        return rows.Select(ApiTokenInfo.Of).ToList();
    }
}
