using FleetOps.Web.Cases;
using FleetOps.Web.Tests.Infrastructure;

namespace FleetOps.Web.Tests.Transactions;

/// <summary>
/// A demo chain set up for Chinese staff (<c>FleetOps:DefaultCulture</c> zh-CN) tells its stories in Chinese: the notes its
/// people write are data, not labels, so the localiser cannot translate them afterwards.
/// </summary>
public sealed class DemoChineseChainTests : IAsyncLifetime
{
    private readonly FleetOpsApp _app = DemoApp.Create("zh-CN");

    [Fact]
    public async Task The_example_cases_note_is_written_in_the_chains_language()
    {
        using var admin = _app.CreateAdminClient();
        var page = await DemoApp.WholeBacklogAsync(admin);
        var item = page.Items()[0];
        var example = _app.GetService<CaseBook>().For(Expect.Wire(item["terminalId"]), Expect.Wire(item["transactionId"]))!;
        var cases = _app.GetService<CaseService>();

        var trail = await Eventually.MatchesAsync(() => cases.TrailAsync(example.Id), t => t.Count == 4, "the demo's note on its example case");

        Assert.Contains("收单机构", trail[^1].Text);
        Assert.DoesNotContain("acquirer", trail[^1].Text);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();
}
