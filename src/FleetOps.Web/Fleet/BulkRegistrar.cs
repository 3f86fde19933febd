using System.Data.Common;
using FleetOps.Core.Fleet;
using FleetOps.Core.Text;
using FleetOps.Web.Cluster;
using FleetOps.Web.Persistence;
using FleetOps.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace FleetOps.Web.Fleet;

/// <summary>
/// The bulk half of <see cref="FleetRegistry"/>: many new stores and terminals at once, all or nothing. It runs under the
/// registry's gate (the registry calls it there, with its set of known terminal ids), so it checks and writes without
/// interleaving with a single registration on this node; other nodes are caught by the unique indexes at COMMIT.
/// </summary>
internal sealed class BulkRegistrar(
    FleetDbContextFactory databases,
    FleetState fleet,
    StoreDirectory stores,
    TerminalKeys keys,
    ChangeAnnouncer announcer,
    TimeProvider time,
    AcquirerTerminalIdRule acquirerIds)
{
    /// <summary>Rows between two progress reports: often enough for a smooth bar, rare enough to cost nothing.</summary>
    private const int ProgressStep = 1000;

    /// <summary>Field rules the import's reader applied already; checked again here because the database keeps text as given.</summary>
    public static void EnsureKeptText(IReadOnlyList<StoreInfo> newStores, IReadOnlyList<TerminalRegistration> newTerminals)
    {
        foreach (var store in newStores)
        {
            KeptText.Ensure("code", store.Code);
            KeptText.Ensure("name", store.Name);
            KeptText.Ensure("region", store.Region);
            KeptText.Ensure("timeZone", store.TimeZone);
        }
        foreach (var terminal in newTerminals)
        {
            KeptText.Ensure("terminalId", terminal.TerminalId);
            KeptText.Ensure("storeCode", terminal.StoreCode);
            KeptText.Ensure("model", terminal.Model);
            KeptText.Ensure("serialNumber", terminal.SerialNumber);
        }
    }

    /// <summary>
    /// Checks that every store code and terminal id is still free (case-insensitively, in memory and in the database) and
    /// that no terminal meets another in service under one acquirer with the same acquirer terminal id, writes everything
    /// in ONE transaction with reused commands, and only after COMMIT puts it into the store directory, the fleet, the key
    /// cache and <paramref name="knownTerminalIds"/> (announced as one change, so live pages show the new terminals at once).
    /// </summary>
    public async Task<BulkRegistration> RegisterAsync(IReadOnlyList<StoreInfo> newStores, IReadOnlyList<TerminalRegistration> newTerminals,
        HashSet<string> knownTerminalIds, IProgress<int>? written, CancellationToken cancellationToken)
    {
        var takenStores = await TakenStoreCodesAsync(newStores, cancellationToken);
        var takenTerminals = newTerminals.Where(t => knownTerminalIds.Contains(t.TerminalId)).Select(t => t.TerminalId).ToList();
        var clashes = acquirerIds.ImportClashes(newStores, newTerminals);
        if (takenStores.Count > 0 || takenTerminals.Count > 0 || clashes.Count > 0)
        {
            return new BulkRegistration(takenStores, takenTerminals, []) { AcquirerTerminalIdClashes = clashes };
        }
        var registered = IssueKeys(newTerminals);
        if (!await WriteAsync(newStores, newTerminals, registered, written, cancellationToken)) return new BulkRegistration([], [], [], true);
        // After COMMIT only, and whatever the caller does now: memory never runs ahead of the database, nor behind it.
        stores.PutMany(newStores);
        foreach (var terminal in newTerminals) knownTerminalIds.Add(terminal.TerminalId);
        keys.SetMany(newTerminals.Select((t, i) => (t.TerminalId, registered[i].Hash)).ToList());
        fleet.RegisterMany(newTerminals);
        return new BulkRegistration([], [], registered.Select(r => r.Terminal).ToList());
    }

    /// <summary>Codes taken already, compared like <see cref="FleetRegistry.AddStoreAsync"/> does (case-insensitively).</summary>
    private async Task<List<string>> TakenStoreCodesAsync(IReadOnlyList<StoreInfo> newStores, CancellationToken cancellationToken)
    {
        if (newStores.Count == 0) return [];
        await using var db = databases.CreateDbContext();
        var inDatabase = new HashSet<string>(await db.Stores.Select(s => s.Code).ToListAsync(cancellationToken), StringComparer.OrdinalIgnoreCase);
        return newStores.Where(s => stores.Get(s.Code) is not null || inDatabase.Contains(s.Code)).Select(s => s.Code).ToList();
    }

    /// <summary>Keys are made and hashed in one pass over all terminals, in parallel: 100,000 SHA-256 hashes are CPU work.</summary>
    private static (RegisteredTerminal Terminal, byte[] Hash)[] IssueKeys(IReadOnlyList<TerminalRegistration> terminals)
    {
        var issued = new (RegisteredTerminal, byte[])[terminals.Count];
        Parallel.For(0, terminals.Count, i =>
        {
            var key = TerminalKeys.NewKey();
            issued[i] = (new RegisteredTerminal(terminals[i].TerminalId, key), TerminalKeys.Hash(key));
        });
        return issued;
    }

    /// <returns>false when another node registered one of the codes or ids meanwhile (the unique index refused; rolled back).</returns>
    private async Task<bool> WriteAsync(IReadOnlyList<StoreInfo> newStores, IReadOnlyList<TerminalRegistration> newTerminals,
        (RegisteredTerminal Terminal, byte[] Hash)[] registered, IProgress<int>? written, CancellationToken cancellationToken)
    {
        var (connection, transaction, commands) = await RegistrationCommands.BeginAsync(databases, cancellationToken);
        await using (connection)
        await using (transaction)
        using (commands)
        {
            var now = time.GetUtcNow();
            try
            {
                foreach (var store in newStores) await commands.InsertStoreAsync(store, now, cancellationToken);
                for (var i = 0; i < newTerminals.Count; i++)
                {
                    await commands.InsertTerminalAsync(newTerminals[i], registered[i].Hash, now, cancellationToken);
                    if ((i + 1) % ProgressStep == 0) written?.Report(i + 1);
                }
                await announcer.StageAsync(connection, transaction, new RegistrationChange(
                    newStores.Select(s => s.Code).ToList(), newTerminals.Select(t => t.TerminalId).ToList(), []), cancellationToken);
                // Not cancellable: a commit cut off by a caller going away could have happened or not.
                await transaction.CommitAsync(CancellationToken.None);
            }
            catch (DbException e) when (e.IsUniqueViolation())
            {
                await transaction.RollbackAsync(CancellationToken.None);
                return false;
            }
            await announcer.WakeAsync(connection);
            written?.Report(newTerminals.Count);
            return true;
        }
    }
}
