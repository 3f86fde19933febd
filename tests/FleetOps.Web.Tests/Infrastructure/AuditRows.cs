using Microsoft.Data.Sqlite;

namespace FleetOps.Web.Tests.Infrastructure;

public sealed record AuditRow(long Id, string Actor, string Action, string? Target, string? Details, string? RemoteAddress);

/// <summary>The audit table, read straight from the app's SQLite file.</summary>
public static class AuditRows
{
    public static async Task<IReadOnlyList<AuditRow>> AuditAsync(this FleetOpsApp app, string? action = null)
    {
        _ = app.Services; // the app migrates its database when it starts: a test may read the audit before its first request
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = app.DatabasePath, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT "Id", "Actor", "Action", "Target", "Details", "RemoteAddress" FROM "AuditEntries"
            WHERE $action IS NULL OR "Action" = $action ORDER BY "Id"
            """;
        command.Parameters.AddWithValue("$action", (object?)action ?? DBNull.Value);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<AuditRow>();
        while (await reader.ReadAsync())
        {
            rows.Add(new AuditRow(reader.GetInt64(0), reader.GetString(1), reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5)));
        }
        return rows;
    }
}
