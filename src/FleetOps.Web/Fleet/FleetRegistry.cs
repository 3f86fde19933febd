using FleetOps.Core.Detection;
using FleetOps.Core.Fleet;
using FleetOps.Core.Text;
using FleetOps.Web.Persistence;
using FleetOps.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace FleetOps.Web.Fleet;

/// <summary>
/// Registration of stores, terminals and software targets: writes the database first, then the in-memory
/// fleet, the store directory and the key cache, so a restart sees exactly what was acknowledged.
/// </summary>
public sealed class FleetRegistry(
    FleetDbContextFactory databases,
    FleetState fleet,
    StoreDirectory stores,
    TerminalKeys keys,
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
    /// time would need a case-insensitive unique index (see docs/architecture.md).
    /// </summary>
    private HashSet<string>? _terminalIds;

    public async Task<RegistrationError> AddStoreAsync(StoreInfo store, CancellationToken cancellationToken = default)
    {
        KeptText.Ensure("code", store.Code);
        KeptText.Ensure("name", store.Name);
        KeptText.Ensure("region", store.Region);
        KeptText.Ensure("timeZone", store.TimeZone);
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
                Code = store.Code, Name = store.Name, Region = store.Region, TimeZone = store.TimeZone, CreatedAt = time.GetUtcNow(),
            });
            if (!await SaveNewAsync(db, cancellationToken)) return RegistrationError.AlreadyExists;
            stores.Put(store);
            return RegistrationError.None;
        }, cancellationToken);
    }

    public async Task<(RegistrationError Error, RegisteredTerminal? Terminal)> AddTerminalAsync(
        TerminalRegistration registration, CancellationToken cancellationToken = default)
    {
        KeptText.Ensure("terminalId", registration.TerminalId);
        KeptText.Ensure("storeCode", registration.StoreCode);
        KeptText.Ensure("model", registration.Model);
        KeptText.Ensure("serialNumber", registration.SerialNumber);
        if (stores.Get(registration.StoreCode) is not { } store) return (RegistrationError.UnknownStore, null);
        return await OneAtATimeAsync<(RegistrationError, RegisteredTerminal?)>(async () =>
        {
            await using var db = databases.CreateDbContext();
            // Unique regardless of letter case (people read "t-01" and "T-01" as one terminal); the terminal keeps the id
            // as registered, and telemetry matches it exactly as before.
            var known = _terminalIds ??= await TerminalIdsAsync(db, cancellationToken);
            if (known.Contains(registration.TerminalId)) return (RegistrationError.AlreadyExists, null);
            var key = TerminalKeys.NewKey();
            var hash = TerminalKeys.Hash(key);
            db.Terminals.Add(new TerminalRow
            {
                TerminalId = registration.TerminalId,
                StoreCode = store.Code,
                Model = registration.Model,
                SerialNumber = registration.SerialNumber,
                KeyHash = hash,
                RegisteredAt = time.GetUtcNow(),
            });
            if (!await SaveNewAsync(db, cancellationToken)) return (RegistrationError.AlreadyExists, null);
            known.Add(registration.TerminalId);
            keys.Set(registration.TerminalId, hash);
            fleet.Register(registration with { StoreCode = store.Code });
            return (RegistrationError.None, new RegisteredTerminal(registration.TerminalId, key));
        }, cancellationToken);
    }

    private static async Task<HashSet<string>> TerminalIdsAsync(FleetDbContext db, CancellationToken cancellationToken) =>
        new(await db.Terminals.Select(t => t.TerminalId).ToListAsync(cancellationToken), StringComparer.OrdinalIgnoreCase);

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
    public async Task<string?> RotateKeyAsync(string terminalId, CancellationToken cancellationToken = default)
    {
        await using var db = databases.CreateDbContext();
        var row = await db.Terminals.FirstOrDefaultAsync(t => t.TerminalId == terminalId, cancellationToken);
        if (row is null) return null;
        var key = TerminalKeys.NewKey();
        row.KeyHash = TerminalKeys.Hash(key);
        await db.SaveChangesAsync(cancellationToken);
        keys.Set(terminalId, row.KeyHash);
        return key;
    }

    /// <summary>Takes a terminal out of service: its telemetry is refused with 403 from now on.</summary>
    public async Task<bool> DecommissionAsync(string terminalId, CancellationToken cancellationToken = default)
    {
        await using var db = databases.CreateDbContext();
        var row = await db.Terminals.FirstOrDefaultAsync(t => t.TerminalId == terminalId, cancellationToken);
        if (row is null) return false;
        row.Decommissioned = true;
        await db.SaveChangesAsync(cancellationToken);
        fleet.Register(new TerminalRegistration(row.TerminalId, row.StoreCode, row.Model, row.SerialNumber, Decommissioned: true));
        return true;
    }

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
        row.AppVersion = target.AppVersion;
        row.FirmwareVersion = target.FirmwareVersion;
        row.MinimumAppVersion = target.MinimumAppVersion;
        row.UpdatedAt = time.GetUtcNow();
        if (!await SaveNewAsync(db, cancellationToken)) return false;
        fleet.SetTarget(target with { Model = row.Model });
        return true;
    }
}
