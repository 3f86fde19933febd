using FleetOps.Web.Tests.Infrastructure;

namespace FleetOps.Web.Tests.Cluster;

/// <summary>
/// Node processes (<see cref="NodeProcess"/>) of one cluster on a fresh PostgreSQL database, without Redis: the fan-out
/// switched on and the lead elected, the demo off, the log at Warning — as the tests of database faults want them. The
/// nodes share a working folder (the Data Protection certificate, logs/). Started one after the other, the first migrating
/// and leading; if a start fails, what was started is torn down before the failure goes on (xunit does not dispose a
/// fixture whose start failed). Disposing kills the nodes, drops the database and deletes the folder.
/// </summary>
public sealed class PostgresNodes : IAsyncDisposable
{
    private readonly List<NodeProcess> _nodes = [];

    public PostgresDatabase Database { get; } = new();

    public string Folder { get; } = Directory.CreateTempSubdirectory("fleetops-nodes-").FullName;

    public IReadOnlyList<NodeProcess> Nodes => _nodes;

    /// <param name="settings">Settings on top of the common ones (e.g. <c>FleetOps:Detection:OfflineAfterSeconds</c>).</param>
    public async Task StartAsync(int count, IReadOnlyDictionary<string, string>? settings = null)
    {
        try
        {
            await Database.CreateAsync();
            var all = new Dictionary<string, string>
            {
                ["FleetOps:Database:Provider"] = "Postgres",
                ["ConnectionStrings:FleetOps"] = Database.ConnectionString,
                ["FleetOps:Cluster:Enabled"] = "true",
                ["FleetOps:Leadership:Mode"] = "Elect",
                ["FleetOps:Leadership:RetrySeconds"] = "1",
                ["FleetOps:Bootstrap:ApiToken"] = FleetOpsApp.AdminToken,
                ["FleetOps:Demo:Enabled"] = "false",
                ["Serilog:MinimumLevel:Default"] = "Warning",
            };
            foreach (var (key, value) in settings ?? new Dictionary<string, string>()) all[key] = value;
            for (var i = 0; i < count; i++)
            {
                var node = new NodeProcess(Folder, all);
                _nodes.Add(node);
                await node.StartAsync();
            }
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>Every line of the nodes' log files (logs/ under the shared folder), as an operator reads them.</summary>
    public string[] LogLines()
    {
        var logs = Path.Combine(Folder, "logs");
        if (!Directory.Exists(logs)) return [];
        return Directory.EnumerateFiles(logs).SelectMany(file =>
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd().Split('\n');
        }).ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = _nodes.Count - 1; i >= 0; i--) await _nodes[i].DisposeAsync();
        await Database.DisposeAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // a log file still held by a process being torn down; the system cleans its temp folder
        }
    }
}
