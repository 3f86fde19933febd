using FleetOps.Core.Detection;
using FleetOps.Core.Fleet;
using FleetOps.Web.Ingestion;
using FleetOps.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FleetOps.Web.Fleet;

public enum RegistrationError { None, AlreadyExists, UnknownStore, NotFound }

public sealed record RegisteredTerminal(string TerminalId, string Key);

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
    public async Task<RegistrationError> AddStoreAsync(StoreInfo store, CancellationToken cancellationToken = default)
    {
        await using var db = databases.CreateDbContext();
        // Store codes are case-insensitive everywhere else (directory, filters, registration), so "sh-001" must not
        // become a second store beside "SH-001": the database's own comparison is case-sensitive.
        if (stores.Get(store.Code) is not null
            || await db.Stores.AnyAsync(s => s.Code == store.Code, cancellationToken)) return RegistrationError.AlreadyExists;
        db.Stores.Add(new StoreRow
        {
            Code = store.Code, Name = store.Name, Region = store.Region, TimeZone = store.TimeZone, CreatedAt = time.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
        stores.Put(store);
        return RegistrationError.None;
    }

    public async Task<(RegistrationError Error, RegisteredTerminal? Terminal)> AddTerminalAsync(
        TerminalRegistration registration, CancellationToken cancellationToken = default)
    {
        await using var db = databases.CreateDbContext();
        if (stores.Get(registration.StoreCode) is null) return (RegistrationError.UnknownStore, null);
        if (await db.Terminals.AnyAsync(t => t.TerminalId == registration.TerminalId, cancellationToken))
        {
            return (RegistrationError.AlreadyExists, null);
        }
        var key = TerminalKeys.NewKey();
        var hash = TerminalKeys.Hash(key);
        db.Terminals.Add(new TerminalRow
        {
            TerminalId = registration.TerminalId,
            StoreCode = stores.Get(registration.StoreCode)!.Code,
            Model = registration.Model,
            SerialNumber = registration.SerialNumber,
            KeyHash = hash,
            RegisteredAt = time.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
        fleet.Register(registration with { StoreCode = stores.Get(registration.StoreCode)!.Code });
        keys.Set(registration.TerminalId, hash);
        return (RegistrationError.None, new RegisteredTerminal(registration.TerminalId, key));
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
        await db.SaveChangesAsync(cancellationToken);
        fleet.SetTarget(target with { Model = row.Model });
    }
}
