using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using FleetOps.Web.Background;
using FleetOps.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serilog.Core;
using Serilog.Events;

namespace FleetOps.Web.Tests.Reconciliation;

/// <summary>
/// A large settlement report is being imported when the operator stops the server (<c>systemctl stop</c>: SIGTERM).
/// Before, the host waited for the import through its whole shutdown timeout (30 s) and then ended the process under it:
/// the client's connection closed without an answer, nothing in the log said what became of the report, its half-written
/// lines stayed in the database until the next import, and the listening record's last write, cancelled by the timeout,
/// ended the stop as "FleetOps stopped unexpectedly" with exit code 1.
/// </summary>
public sealed class ImportStopTests : IDisposable
{
    private const string Token = "import-stop-admin-token";
    private const int Rows = 100_000;
    private readonly string _folder = Directory.CreateTempSubdirectory("fleetops-import-stop-").FullName;

    [Fact]
    public async Task A_stop_during_an_import_cancels_it_answers_503_says_so_exits_0_and_the_same_file_imports_whole_after_the_restart()
    {
        var settings = new Dictionary<string, string> { ["FleetOps:Demo:Enabled"] = "false", ["FleetOps:Bootstrap:ApiToken"] = Token };
        var report = Report();
        HttpResponseMessage? answer = null;
        var address = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}");
        var (exitCode, output) = await ServerProcess.RunToExitAsync(_folder, settings, address, async (process, outputSoFar) =>
        {
            await ReadyAsync(address);
            using var admin = Client(address);
            await Expect.StatusAsync(await admin.PostAsJsonAsync("/api/v1/stores",
                new { code = "S-1", name = "Store", region = "East", timeZone = "Asia/Shanghai", acquirer = "unionpay", merchantId = "898310040000001" }), HttpStatusCode.Created);
            var import = admin.PostAsync("/api/v1/reconciliation/reports", Upload(report));
            // Stopped while the lines are matched and written: the longest part, when the report is half in the database.
            await Eventually.MatchesAsync(() => Task.FromResult(outputSoFar()), o => o.Contains("Settlement report checked", StringComparison.Ordinal),
                "the import to reach its matching pass", TimeSpan.FromSeconds(60));
            await ServerProcess.SignalAsync(process, "TERM");
            answer = await import;
        });

        Assert.True(exitCode == 0, $"exit code {exitCode}:\n{output}");
        var problem = await Expect.ProblemAsync(answer!, HttpStatusCode.ServiceUnavailable);
        Assert.Contains("nothing of it was stored", Expect.Wire(problem["detail"]), StringComparison.Ordinal);
        Assert.NotNull(answer!.Headers.RetryAfter);
        Assert.DoesNotContain("reconciliation/reports responded 503", output, StringComparison.Ordinal); // the warning says it, once
        Assert.Contains("A settlement report of unionpay", output, StringComparison.Ordinal);
        Assert.Contains("was being imported when FleetOps was asked to stop", output, StringComparison.Ordinal);
        Assert.DoesNotContain("stopped unexpectedly", output, StringComparison.Ordinal);

        await using var node = new NodeProcess(_folder, settings);
        await node.StartAsync();
        using var again = Client(node.Address);
        var before = await Expect.JsonObjectAsync(await again.GetAsync("/api/v1/reconciliation/reports"));
        Assert.Equal(0, before["total"]!.GetValue<int>()); // all or nothing: no report, and no half of one
        var imported = await Expect.JsonObjectAsync(await again.PostAsync("/api/v1/reconciliation/reports", Upload(report)));
        Assert.Equal(Rows, imported["rows"]!.GetValue<int>());
    }

    /// <summary>
    /// The stop's last write of the listening record waited past the shutdown timeout (behind a long import's write lock):
    /// the cancellation escaped the hosted service and the host reported the stop as a crash.
    /// </summary>
    [Fact]
    public async Task The_listening_record_cut_off_by_the_shutdown_timeout_says_so_in_one_warning_instead_of_failing_the_stop()
    {
        var log = new LogCapture();
        await using var app = FleetOpsApp.Create(new FleetOpsAppOptions { TestServices = s => s.AddSingleton<ILogEventSink>(log) });
        var recorder = app.Services.GetServices<IHostedService>().OfType<ListeningRecorder>().Single();

        await recorder.StopAsync(new CancellationToken(canceled: true));

        Assert.Single(log.From(nameof(ListeningRecorder)), l => l.Level == LogEventLevel.Warning
            && l.Message.StartsWith("The stop took longer than the shutdown timeout", StringComparison.Ordinal));
    }

    /// <summary>One credit a row for the store's merchant, none matching a sale, over the last five days.</summary>
    private static byte[] Report()
    {
        var text = new StringBuilder("date,merchantId,terminalId,rrn,authCode,amountMinor,currency,maskedPan,type,feeMinor\n");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        for (var i = 0; i < Rows; i++)
        {
            var day = today.AddDays(-1 - (i % 5)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"{day},898310040000001,,{i:D12},{i % 999_999:D6},{100 + i % 9_000},CNY,622202******{i % 10_000:D4},sale,3\n");
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static MultipartFormDataContent Upload(byte[] report)
    {
        var file = new ByteArrayContent(report);
        file.Headers.ContentType = new("text/csv");
        return new MultipartFormDataContent { { new StringContent("unionpay"), "acquirer" }, { file, "file", "unionpay-large.csv" } };
    }

    private static HttpClient Client(Uri address)
    {
        // An import of this size takes tens of seconds on a loaded two-core machine.
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(3) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", Token);
        return client;
    }

    private static async Task ReadyAsync(Uri address)
    {
        using var probe = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        await Eventually.MatchesAsync(async () =>
        {
            try
            {
                return (await probe.GetAsync("/health/ready")).StatusCode;
            }
            catch (HttpRequestException)
            {
                return HttpStatusCode.ServiceUnavailable; // not listening yet
            }
        }, s => s == HttpStatusCode.OK, "the server to be ready", TimeSpan.FromSeconds(90));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
