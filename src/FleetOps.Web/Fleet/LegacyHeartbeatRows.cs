using System.Data.Common;
using FleetOps.Core.Telemetry;
using FleetOps.Web.Persistence;

namespace FleetOps.Web.Fleet;

/// <summary>
/// Databases written before the hour roll-ups hold one <c>TelemetryEvents</c> row per heartbeat. At start-up, before the
/// fleet is loaded, those rows are merged into the roll-ups and boot segments with the writer's own upsert (so their ids
/// keep catching resends) and deleted, a chunk per transaction. Nothing is found after the first start, and finding
/// nothing is one look into an empty partial index (<c>IX_TelemetryEvents_LegacyHeartbeats</c>), not a table scan.
/// </summary>
internal static class LegacyHeartbeatRows
{
    private const int Chunk = 5000;

    /// <returns>How many heartbeat rows were moved.</returns>
    public static async Task<int> MoveAsync(FleetDbContextFactory databases, CancellationToken cancellationToken)
    {
        await using var connection = databases.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        using var rollup = new HeartbeatRollup(connection, databases.Provider);
        await using var select = connection.CreateCommand();
        select.CommandText = $"""
            SELECT "Id", "TerminalId", "Payload" FROM "TelemetryEvents" WHERE "Type" = 'heartbeat' AND "Id" > @after
            ORDER BY "Id" LIMIT {Chunk}
            """;
        CommandParameters.Add(select, "@after");
        await using var delete = connection.CreateCommand();
        delete.CommandText = """DELETE FROM "TelemetryEvents" WHERE "Type" = 'heartbeat' AND "Id" > @after AND "Id" <= @last""";
        CommandParameters.Add(delete, "@after", "@last");
        long after = 0;
        var moved = 0;
        while (true)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            select.Transaction = delete.Transaction = transaction;
            rollup.Enlist(transaction);
            select.Parameters[0].Value = after;
            var rows = new List<(long Id, string TerminalId, string Payload)>(Chunk);
            await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken)) rows.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2)));
            }
            if (rows.Count == 0) return moved;
            foreach (var (_, terminalId, payload) in rows)
            {
                if (TelemetryJson.Deserialize("heartbeat", payload) is HeartbeatEvent heartbeat) rollup.Add(terminalId, heartbeat);
            }
            delete.Parameters[0].Value = after;
            delete.Parameters[1].Value = rows[^1].Id;
            await delete.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            after = rows[^1].Id;
            moved += rows.Count;
        }
    }
}
