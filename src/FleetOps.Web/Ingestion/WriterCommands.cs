using System.Data;
using System.Data.Common;
using FleetOps.Core.Fleet;
using FleetOps.Core.Telemetry;

namespace FleetOps.Web.Ingestion;

/// <summary>
/// The event writer's two prepared statements. The SQL is the same on SQLite and PostgreSQL
/// (both know ON CONFLICT DO NOTHING and quoted identifiers).
/// </summary>
internal sealed class WriterCommands : IDisposable
{
    private readonly DbCommand _insert;
    private readonly DbCommand _update;

    public WriterCommands(DbConnection connection)
    {
        _insert = connection.CreateCommand();
        _insert.CommandText =
            """
            INSERT INTO "TelemetryEvents" ("TerminalId", "EventId", "Type", "AtMs", "ReceivedAtMs", "Detail", "Payload")
            VALUES (@terminal, @event, @type, @at, @received, @detail, @payload)
            ON CONFLICT ("TerminalId", "EventId") DO NOTHING
            """;
        AddParameters(_insert, "@terminal", "@event", "@type", "@at", "@received", "@detail", "@payload");

        _update = connection.CreateCommand();
        _update.CommandText =
            """
            UPDATE "Terminals" SET "LastSeenAtMs" = @seen, "LastContactAtMs" = @contact, "AppVersion" = @app,
                "FirmwareVersion" = @firmware, "LatestStateJson" = @state
            WHERE "TerminalId" = @terminal
            """;
        AddParameters(_update, "@seen", "@contact", "@app", "@firmware", "@state", "@terminal");
    }

    public void Enlist(DbTransaction transaction)
    {
        _insert.Transaction = transaction;
        _update.Transaction = transaction;
    }

    /// <returns>true when the event is new; false when this terminal already sent an event with this id.</returns>
    public bool InsertEvent(string terminalId, TelemetryEvent e, DateTimeOffset receivedAt)
    {
        var p = _insert.Parameters;
        p[0].Value = terminalId;
        p[1].Value = e.Id;
        p[2].Value = e.Type.ToWire();
        p[3].Value = e.At.ToUnixTimeMilliseconds();
        p[4].Value = receivedAt.ToUnixTimeMilliseconds();
        p[5].Value = e.Detail;
        p[6].Value = TelemetryJson.Serialize(e);
        return _insert.ExecuteNonQuery() == 1;
    }

    public void UpdateLatestState(TerminalSnapshot snapshot)
    {
        var p = _update.Parameters;
        p[0].Value = (object?)snapshot.LastSeenAt?.ToUnixTimeMilliseconds() ?? DBNull.Value;
        p[1].Value = (object?)snapshot.LastContactAt?.ToUnixTimeMilliseconds() ?? DBNull.Value;
        p[2].Value = (object?)snapshot.AppVersion ?? DBNull.Value;
        p[3].Value = (object?)snapshot.FirmwareVersion ?? DBNull.Value;
        p[4].Value = LatestState.Of(snapshot).ToJson();
        p[5].Value = snapshot.TerminalId;
        _update.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _insert.Dispose();
        _update.Dispose();
    }

    private static void AddParameters(DbCommand command, params string[] names)
    {
        foreach (var name in names)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = DBNull.Value;
            command.Parameters.Add(parameter);
        }
    }
}
