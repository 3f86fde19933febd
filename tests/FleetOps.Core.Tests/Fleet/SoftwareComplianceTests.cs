using FleetOps.Core.Detection;
using FleetOps.Core.Fleet;
using FleetOps.Core.Tests.TestSupport;

namespace FleetOps.Core.Tests.Fleet;

/// <summary>The figures the software page and the compliance API read: per model, per store, versions, narrowing to a model.</summary>
public class SoftwareComplianceTests
{
    private readonly FleetHarness _h = new();

    public SoftwareComplianceTests()
    {
        _h.Fleet.SetTarget(new SoftwareTarget("A920", "3.3.0", "1.8.0", "3.0.0", _h.Now));
        _h.Fleet.SetTarget(new SoftwareTarget("V400", "2.0.0", "1.0.0", null, _h.Now));
        Terminal("T-1", "SH-001", "A920", "3.3.0");
        Terminal("T-2", "SH-001", "A920", "3.10.0");
        Terminal("T-3", "SH-002", "a920", "3.2.0");
        Terminal("T-4", "SH-002", "A920", "2.9.0");
        Terminal("T-5", "SH-003", "V400", "2.0.0");
        _h.Register("T-6", "SH-003", "V400"); // never reported a version
    }

    private void Terminal(string id, string store, string model, string app)
    {
        _h.Register(id, store, model);
        _h.Deliver(id, _h.Heartbeat(app: app));
    }

    private SoftwareCompliance All => SoftwareCompliance.Of(_h.Fleet.All, _h.Fleet.TargetFor);

    [Fact]
    public void Each_model_counts_its_terminals_by_status_whatever_the_case_of_its_name()
    {
        var models = All.Models;

        Assert.Equal(["A920", "V400"], models.Select(m => m.Key.ToUpperInvariant()));
        Assert.Equal(new ComplianceCount(models[0].Key, 4, 2, 1, 1, 0), models[0]);
        Assert.Equal(new ComplianceCount("V400", 2, 1, 0, 0, 1), models[1]);
        Assert.Equal(2, All.BehindCount);
    }

    [Fact]
    public void Stores_come_lowest_share_on_target_first()
    {
        Assert.Equal(["SH-002", "SH-003", "SH-001"], All.Stores.Select(s => s.Key));
        Assert.Equal(0, All.Stores[0].CurrentShare);
    }

    [Fact]
    public void A_models_versions_come_newest_first_by_version_order_not_text()
    {
        var versions = All.Versions["A920"];

        Assert.Equal(["3.10.0", "3.3.0", "3.2.0", "2.9.0"], versions.Select(v => v.Version));
        Assert.All(versions, v => Assert.Equal(1, v.Terminals));
        Assert.Equal(["2.0.0"], All.Versions["v400"].Select(v => v.Version));
    }

    [Fact]
    public void Narrowed_to_a_model_it_lists_only_that_models_stores_and_terminals_behind()
    {
        var a920 = All.OfModel("A920");

        Assert.Equal(4, a920.Total.Terminals);
        Assert.Equal(["SH-002", "SH-001"], a920.Stores.Select(s => s.Key));
        Assert.Equal(["T-4", "T-3"], a920.Behind(10).Select(b => b.Terminal.TerminalId)); // unsupported first
    }
}
