using FleetOps.Core.Detection;
using FleetOps.Core.Fleet;
using FleetOps.Core.Text;
using FleetOps.Web.Cluster;
using FleetOps.Web.Persistence;
using FleetOps.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace FleetOps.Web.Fleet;

/// <summary>
/// Registration of stores, terminals and software targets: writes the database first, then the in-memory
/// fleet, the store directory and the key cache, so a restart sees exactly what was acknowledged. In a cluster each change
/// is announced in its own transaction (<see cref="ChangeAnnouncer"/>) and other nodes read the rows back (<see cref="ReloadAsync"/>).
/// </summary>
public sealed class FleetRegistry(
    FleetDbContextFactory databases,
    FleetState fleet,
    StoreDirectory stores,
    TerminalKeys keys,
    ChangeAnnouncer announcer,
    TimeProvider time)
{
    /// <summary>
    /// One registration at a time on this node: "is the code free?" and "insert it" must not interleave, or two requests
    /// for one code both pass the check and the loser's insert fails (a 500 instead of a 409). Registrations are rare
    /// and human-paced, so serialising them costs nothing. Other nodes are covered by the unique index (see below).
    /// </summary>
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>
    /// Every terminal id of the database, compared case-insensitively; read once, then kept under the gate. Asking the
    /// database "any id equal ignoring case?" cannot use its (case-sensitive) index: it scanned the table on every
    /// registration and made bulk onboarding quadratic (2,000 terminals took minutes). Another node's registrations
    /// after the read are still caught by the unique index when spelled alike; case variants from two nodes at the same
    /// time would need a case-insensitive unique index (see docs/design/decisions.md, "Registration is serialised per node").
    /// </summary>
    private HashSet<string>? _terminalIds;

    private readonly AcquirerTerminalIdRule _acquirerIds = new(stores, fleet);

    private readonly BulkRegistrar _bulk = new(databases, fleet, stores, keys, announcer, time, new AcquirerTerminalIdRule(stores, fleet));

    public async Task<RegistrationError> AddStoreAsync(StoreInfo store, CancellationToken cancellationToken = default)
    {
        KeptText.Ensure("code", store.Code);
        KeptText.Ensure("name", store.Name);
        KeptText.Ensure("region", store.Region);
        KeptText.Ensure("timeZone", store.TimeZone);
        KeptText.Ensure("acquirer", store.Acquirer);
        KeptText.Ensure("merchantId", store.MerchantId, acquirerIdentifier: true);
        return await OneAtATimeAsync(async () =>
        {
            await using var db = databases.CreateDbContext();
            // Store codes are case-insensitive everywhere else (directory, filters, scopes), so "sh-001" must not become a
            // second store beside "SH-001": the database's own comparison is case-sensitive. Codes are ASCII (the API's
            // identifier pattern), so upper() compares them alike on SQLite and PostgreSQL.
            var upper = store.Code.ToUpperInvariant();
            if (stores.Get(store.Code) is not null
                || await db.Stores.AnyAsync(s => s.Code.ToUpper() == upper, cancellationToken)) return RegistrationError.AlreadyExists;
            db.Stores.Add(new StoreRow
            {
                Code = store.Code, Name = store.Name, Region = store.Region, TimeZone = store.TimeZone,
                Acquirer = store.Acquirer, MerchantId = store.MerchantId, CreatedAt = time.GetUtcNow(),
            });
            announcer.Stage(db, RegistrationChange.OfStore(store.Code));
            if (!await SaveNewAsync(db, cancellationToken)) return RegistrationError.AlreadyExists;
            await announcer.WakeAsync(db, cancellationToken);
            stores.Put(store);
            return RegistrationError.None;
        }, cancellationToken);
    }

    /// <summary>Refused with the clash when the store's acquirer knows another terminal in service by its acquirer terminal id.</summary>
    public async Task<(RegistrationError Error, RegisteredTerminal? Terminal, AcquirerTerminalIdClash? Clash)> AddTerminalAsync(
        TerminalRegistration registration, CancellationToken cancellationToken = default)
    {
        KeptText.Ensure("terminalId", registration.TerminalId);
        KeptText.Ensure("storeCode", registration.StoreCode);
        KeptText.Ensure("model", registration.Model);
        KeptText.Ensure("serialNumber", registration.SerialNumber);
        KeptText.Ensure("acquirerTerminalId", registration.AcquirerTerminalId, acquirerIdentifier: true);
        // Behind a balancer the store may have been made on another node a moment ago, before this one followed that change
        // (the simulator registers a store, then its terminals, request by request): the database decides, not the directory.
        if (stores.Get(registration.StoreCode) is null) await ReloadAsync(RegistrationChange.OfStore(registration.StoreCode), cancellationToken);
        if (stores.Get(registration.StoreCode) is null) return (RegistrationError.UnknownStore, null, null);
        return await OneAtATimeAsync<(RegistrationError, RegisteredTerminal?, AcquirerTerminalIdClash?)>(async () =>
        {
            await using var db = databases.CreateDbContext();
            // Unique regardless of letter case (people read "t-01" and "T-01" as one terminal); the terminal keeps the id
            // as registered, and telemetry matches it exactly as before.
            var known = await KnownTerminalIdsAsync(cancellationToken);
            if (known.Contains(registration.TerminalId)) return (RegistrationError.AlreadyExists, null, null);
            // The store as it is now, under the gate: its acquirer may have changed since the look-up above.
            var store = stores.Get(registration.StoreCode)!;
            if (_acquirerIds.Clash(store.Acquirer, registration) is { } clash) return (RegistrationError.AcquirerTerminalIdTaken, null, clash);
            var key = TerminalKeys.NewKey();
            var hash = TerminalKeys.Hash(key);
            db.Terminals.Add(new TerminalRow
            {
                TerminalId = registration.TerminalId,
                StoreCode = store.Code,
                Model = registration.Model,
                SerialNumber = registration.SerialNumber,
                AcquirerTerminalId = registration.AcquirerTerminalId,
                KeyHash = hash,
                RegisteredAt = time.GetUtcNow(),
            });
            announcer.Stage(db, RegistrationChange.OfTerminal(registration.TerminalId));
            if (!await SaveNewAsync(db, cancellationToken)) return (RegistrationError.AlreadyExists, null, null);
            await announcer.WakeAsync(db, cancellationToken);
            known.Add(registration.TerminalId);
            keys.Set(registration.TerminalId, hash);
            fleet.Register(registration with { StoreCode = store.Code });
            return (RegistrationError.None, new RegisteredTerminal(registration.TerminalId, key), null);
        }, cancellationToken);
    }

    /// <summary>
    /// Changes a store's name, region and time zone; the code is its identity and stays as registered (the code given
    /// is matched case-insensitively, like everywhere else). Returns the store as it was, for the audit line; refused
    /// with the clash when a new acquirer already knows another terminal in service by one of the store's terminals' ids.
    /// </summary>
    public async Task<(RegistrationError Error, StoreInfo? Before, AcquirerTerminalIdClash? Clash)> UpdateStoreAsync(StoreInfo store, CancellationToken cancellationToken = default)
    {
        KeptText.Ensure("name", store.Name);
        KeptText.Ensure("region", store.Region);
        KeptText.Ensure("timeZone", store.TimeZone);
        KeptText.Ensure("acquirer", store.Acquirer);
        KeptText.Ensure("merchantId", store.MerchantId, acquirerIdentifier: true);
        return await OneAtATimeAsync<(RegistrationError, StoreInfo?, AcquirerTerminalIdClash?)>(async () =>
        {
            if (stores.Get(store.Code) is not { } before) return (RegistrationError.NotFound, null, null);
            if (!string.Equals(before.Acquirer, store.Acquirer, StringComparison.OrdinalIgnoreCase)
                && _acquirerIds.StoreClash(before.Code, store.Acquirer) is { } clash) return (RegistrationError.AcquirerTerminalIdTaken, null, clash);
            await using var db = databases.CreateDbContext();
            var row = await db.Stores.FirstOrDefaultAsync(s => s.Code == before.Code, cancellationToken);
            if (row is null) return (RegistrationError.NotFound, null, null);
            (row.Name, row.Region, row.TimeZone, row.Acquirer, row.MerchantId) = (store.Name, store.Region, store.TimeZone, store.Acquirer, store.MerchantId);
            announcer.Stage(db, RegistrationChange.OfStore(row.Code));
            await db.SaveChangesAsync(cancellationToken);
            await announcer.WakeAsync(db, cancellationToken);
            stores.Put(store with { Code = before.Code });
            return (RegistrationError.None, before, null);
        }, cancellationToken);
    }

    /// <summary>
    /// Changes a terminal's store, model and serial number. Moving keeps its history (events, sales and cases stay where
    /// they happened) and its key; the fleet re-files the terminal under the new store at once, so live pages of that
    /// store show it. A decommissioned terminal is left as it is: it is out of service, and its record is the history.
    /// Returns the registration as it was, for the audit line; refused with the clash when the change (a new acquirer
    /// terminal id, or a move to a store of another acquirer) meets another terminal in service holding that id.
    /// </summary>
    public async Task<(RegistrationError Error, TerminalRegistration? Before, AcquirerTerminalIdClash? Clash)> UpdateTerminalAsync(
        TerminalRegistration change, CancellationToken cancellationToken = default)
    {
        KeptText.Ensure("storeCode", change.StoreCode);
        KeptText.Ensure("model", change.Model);
        KeptText.Ensure("serialNumber", change.SerialNumber);
        KeptText.Ensure("acquirerTerminalId", change.AcquirerTerminalId, acquirerIdentifier: true);
        return await OneAtATimeAsync<(RegistrationError, TerminalRegistration?, AcquirerTerminalIdClash?)>(async () =>
        {
            await using var db = databases.CreateDbContext();
            var row = await db.Terminals.FirstOrDefaultAsync(t => t.TerminalId == change.TerminalId, cancellationToken);
            if (row is null) return (RegistrationError.NotFound, null, null);
            if (row.Decommissioned) return (RegistrationError.Decommissioned, null, null);
            if (stores.Get(change.StoreCode) is not { } store) return (RegistrationError.UnknownStore, null, null);
            var before = row.ToRegistration();
            if (AcquirerTerminalIdHolders.Changes(stores.Get(before.StoreCode)?.Acquirer, before.AcquirerTerminalId, store.Acquirer, change.AcquirerTerminalId)
                && _acquirerIds.Clash(store.Acquirer, change with { TerminalId = row.TerminalId }) is { } clash)
            {
                return (RegistrationError.AcquirerTerminalIdTaken, null, clash);
            }
            (row.StoreCode, row.Model, row.SerialNumber, row.AcquirerTerminalId) = (store.Code, change.Model, change.SerialNumber, change.AcquirerTerminalId);
            announcer.Stage(db, RegistrationChange.OfTerminal(row.TerminalId));
            await db.SaveChangesAsync(cancellationToken);
            await announcer.WakeAsync(db, cancellationToken);
            fleet.Register(before with
            {
                StoreCode = store.Code, Model = change.Model, SerialNumber = change.SerialNumber, AcquirerTerminalId = change.AcquirerTerminalId,
            });
            return (RegistrationError.None, before, null);
        }, cancellationToken);
    }

    /// <summary>
    /// Registers many new stores and terminals at once, all or nothing (<see cref="BulkRegistrar"/>), under the registration
    /// gate. Rows must already satisfy the field rules; <paramref name="written"/> counts rows written.
    /// </summary>
    public async Task<BulkRegistration> ImportAsync(IReadOnlyList<StoreInfo> newStores, IReadOnlyList<TerminalRegistration> newTerminals,
        IProgress<int>? written = null, CancellationToken cancellationToken = default)
    {
        BulkRegistrar.EnsureKeptText(newStores, newTerminals);
        return await OneAtATimeAsync(async () =>
            await _bulk.RegisterAsync(newStores, newTerminals, await KnownTerminalIdsAsync(cancellationToken), written, cancellationToken), cancellationToken);
    }

    /// <summary>Under the gate: <see cref="_terminalIds"/>, read from the database the first time it is asked for.</summary>
    private async Task<HashSet<string>> KnownTerminalIdsAsync(CancellationToken cancellationToken)
    {
        if (_terminalIds is not null) return _terminalIds;
        await using var db = databases.CreateDbContext();
        return _terminalIds = new(await db.Terminals.Select(t => t.TerminalId).ToListAsync(cancellationToken), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Another node changed these registrations: reads the rows back into this node's store directory, key cache and fleet
    /// (under the registration gate, like a change made here). Names no longer in the database are left alone.
    /// </summary>
    public Task ReloadAsync(RegistrationChange change, CancellationToken cancellationToken) => OneAtATimeAsync(async () =>
    {
        await using var db = databases.CreateDbContext();
        if (change.Stores.Count > 0)
        {
            var codes = change.Stores.ToList();
            stores.PutMany(await db.Stores.AsNoTracking().Where(s => codes.Contains(s.Code)).Select(s => s.ToInfo()).ToListAsync(cancellationToken));
        }
        foreach (var ids in change.Terminals.Chunk(1_000)) // an import names thousands; a slice at a time bounds the rows one read holds
        {
            var rows = await db.Terminals.AsNoTracking().Where(t => ids.Contains(t.TerminalId)).ToListAsync(cancellationToken);
            keys.SetMany(rows.Select(r => (r.TerminalId, r.KeyHash)).ToList());
            foreach (var row in rows) _terminalIds?.Add(row.TerminalId);
            fleet.RegisterMany(rows.Select(r => r.ToRegistration()).ToList());
        }
        foreach (var model in change.Models)
        {
            var row = await db.SoftwareTargets.AsNoTracking().FirstOrDefaultAsync(t => t.Model == model, cancellationToken);
            if (row is not null) fleet.SetTarget(new SoftwareTarget(row.Model, row.AppVersion, row.FirmwareVersion, row.MinimumAppVersion, row.UpdatedAt));
        }
        return true;
    }, cancellationToken);

    private async Task<T> OneAtATimeAsync<T>(Func<Task<T>> registration, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await registration();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Saves a new row; false when another node inserted the same key in between (the unique index is the backstop the
    /// in-process gate cannot be across nodes). Case variants from two nodes at the same instant would need a
    /// case-insensitive unique index, which is a migration of its own.
    /// </summary>
    private static async Task<bool> SaveNewAsync(FleetDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return false;
        }
    }

    /// <summary>Issues a new key; the old one stops working at once. Returns null for an unknown terminal.</summary>
    public Task<string?> RotateKeyAsync(string terminalId, CancellationToken cancellationToken = default) => OneAtATimeAsync(async () =>
    {
        await using var db = databases.CreateDbContext();
        var row = await db.Terminals.FirstOrDefaultAsync(t => t.TerminalId == terminalId, cancellationToken);
        if (row is null) return null;
        var key = TerminalKeys.NewKey();
        row.KeyHash = TerminalKeys.Hash(key);
        announcer.Stage(db, RegistrationChange.OfTerminal(terminalId));
        await db.SaveChangesAsync(cancellationToken);
        await announcer.WakeAsync(db, cancellationToken);
        keys.Set(terminalId, row.KeyHash);
        return (string?)key;
    }, cancellationToken);

    /// <summary>
    /// Takes a terminal out of service: its telemetry is refused with 403 from now on. Under the gate like every other
    /// change of a registration: the fleet is given the row as read here, and a move of the same terminal saved in between
    /// would otherwise be undone in memory (or the move would put the terminal back in service there).
    /// </summary>
    public Task<bool> DecommissionAsync(string terminalId, CancellationToken cancellationToken = default) => OneAtATimeAsync(async () =>
    {
        await using var db = databases.CreateDbContext();
        var row = await db.Terminals.FirstOrDefaultAsync(t => t.TerminalId == terminalId, cancellationToken);
        if (row is null) return false;
        row.Decommissioned = true;
        announcer.Stage(db, RegistrationChange.OfTerminal(terminalId));
        await db.SaveChangesAsync(cancellationToken);
        await announcer.WakeAsync(db, cancellationToken);
        fleet.Register(row.ToRegistration());
        return true;
    }, cancellationToken);

    public async Task SetTargetAsync(SoftwareTarget target, CancellationToken cancellationToken = default)
    {
        KeptText.Ensure("model", target.Model);
        KeptText.Ensure("appVersion", target.AppVersion);
        KeptText.Ensure("firmwareVersion", target.FirmwareVersion);
        KeptText.Ensure("minimumAppVersion", target.MinimumAppVersion);
        // A first target for a model set by another node at the same instant: the row exists now, so update it.
        var set = await OneAtATimeAsync(async () =>
            await TrySetTargetAsync(target, cancellationToken) || await TrySetTargetAsync(target, cancellationToken), cancellationToken);
        if (!set) throw new InvalidOperationException($"The software target row for a model kept changing under {nameof(SetTargetAsync)}.");
    }

    private async Task<bool> TrySetTargetAsync(SoftwareTarget target, CancellationToken cancellationToken)
    {
        await using var db = databases.CreateDbContext();
        // Models match case-insensitively in memory (FleetState), so the row must too, or "a920" would add a second
        // row beside "A920" and a restart would load whichever comes last. Targets are one row per model: few.
        var row = (await db.SoftwareTargets.ToListAsync(cancellationToken))
            .FirstOrDefault(t => string.Equals(t.Model, target.Model, StringComparison.OrdinalIgnoreCase));
        if (row is null)
        {
            row = new SoftwareTargetRow { Model = target.Model, AppVersion = target.AppVersion, FirmwareVersion = target.FirmwareVersion };
            db.SoftwareTargets.Add(row);
        }
        // "Behind since" counts from when the target versions changed; saving the same versions again (or only a new
        // minimum) must not restart every terminal's lag.
        if (db.Entry(row).State == EntityState.Added || row.AppVersion != target.AppVersion || row.FirmwareVersion != target.FirmwareVersion)
        {
            row.UpdatedAt = time.GetUtcNow();
        }
        row.AppVersion = target.AppVersion;
        row.FirmwareVersion = target.FirmwareVersion;
        row.MinimumAppVersion = target.MinimumAppVersion;
        announcer.Stage(db, RegistrationChange.OfModel(row.Model));
        if (!await SaveNewAsync(db, cancellationToken)) return false;
        await announcer.WakeAsync(db, cancellationToken);
        fleet.SetTarget(target with { Model = row.Model, SetAt = row.UpdatedAt });
        return true;
    }
}
