using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace FleetOps.Web.Tests.Infrastructure;

/// <summary>Looks straight into an app's SQLite file, beside the app (connections are not pooled, so none is left open).</summary>
public static class DatabaseFile
{
    public static async Task<long> CountAsync(this FleetOpsApp app, string table, string? terminalId = null)
    {
        await using var connection = await OpenAsync(app.DatabasePath);
        await using var command = connection.CreateCommand();
        command.CommandText = terminalId is null
            ? $"SELECT COUNT(*) FROM \"{table}\""
            : $"SELECT COUNT(*) FROM \"{table}\" WHERE \"TerminalId\" = $terminal";
        command.Parameters.AddWithValue("$terminal", (object?)terminalId ?? DBNull.Value);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Every "table.column" (in every table, every row) whose value, read as text, contains <paramref name="needle"/>.</summary>
    public static async Task<IReadOnlyList<string>> FindTextAsync(this FleetOpsApp app, string needle)
    {
        var found = new List<string>();
        await using var connection = await OpenAsync(app.DatabasePath);
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        Assert.Contains("TelemetryEvents", tables);
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    if (reader.IsDBNull(i)) continue;
                    var text = reader.GetValue(i) switch
                    {
                        byte[] bytes => Encoding.UTF8.GetString(bytes),
                        var value => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
                    };
                    if (text.Contains(needle, StringComparison.Ordinal)) found.Add($"{table}.{reader.GetName(i)}");
                }
            }
        }
        return found;
    }

    /// <summary>Whether the raw bytes of the database file or its WAL contain <paramref name="needle"/> (free pages included).</summary>
    public static bool RawFilesContain(this FleetOpsApp app, string needle)
    {
        var pattern = Encoding.UTF8.GetBytes(needle);
        foreach (var file in new[] { app.DatabasePath, app.DatabasePath + "-wal" })
        {
            if (!File.Exists(file)) continue;
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            if (copy.GetBuffer().AsSpan(0, (int)copy.Length).IndexOf(pattern) >= 0) return true;
        }
        return false;
    }

    private static async Task<SqliteConnection> OpenAsync(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync();
        return connection;
    }
}
