using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using FleetOps.Web.Tests.Cluster;

namespace FleetOps.Web.Tests.Infrastructure;

/// <summary>
/// A redis-server of this test's own (the program named by <c>FLEETOPS_TEST_REDIS</c>) on a free 127.0.0.1 port, without
/// persistence, so a test can stop it and start it again on the same port as an outage would. Disposing stops it.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly string _program = Environment.GetEnvironmentVariable(ClusterFactAttribute.RedisVariable) ?? "redis-server";
    private Process? _process;

    public RedisServer()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
    }

    public int Port { get; }

    /// <summary>The value of <c>ConnectionStrings:Redis</c> for nodes using this server.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    /// <summary>Starts the server and waits until it accepts connections.</summary>
    public async Task StartAsync()
    {
        _process = Process.Start(new ProcessStartInfo(_program)
        {
            ArgumentList = { "--bind", "127.0.0.1", "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--save", "", "--appendonly", "no" },
            RedirectStandardOutput = true, // its log, read and dropped so the pipe never fills
        }) ?? throw new InvalidOperationException($"could not start {_program}");
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        await Eventually.MatchesAsync(AcceptsAsync, up => up, $"redis-server on port {Port}");
    }

    /// <summary>Kills the server (no shutdown courtesy: as a crash or a pulled cable would).</summary>
    public async Task StopAsync()
    {
        if (_process is not { } process) return;
        process.Kill();
        await process.WaitForExitAsync();
        process.Dispose();
        _process = null;
    }

    private async Task<bool> AcceptsAsync()
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());
}
