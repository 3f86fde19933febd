using FleetOps.Core.Cases;
using FleetOps.Web.Cases;
using FleetOps.Web.Security;
using FleetOps.Web.Tests.Infrastructure;

namespace FleetOps.Web.Tests.Transactions;

/// <summary>Issue 11: every case action is also in the audit log — who, what, which payment, when.</summary>
public sealed class CaseAuditTests(FleetOpsApp app) : IClassFixture<FleetOpsApp>
{
    [Fact]
    public async Task Each_case_action_writes_one_audit_line_naming_the_actor_and_the_payment()
    {
        var service = app.GetService<CaseService>();
        var audit = app.GetService<AuditLog>();
        // Ids.New, not plain hex: 14 random hex characters hold a Luhn-valid 13-digit run about once in a thousand, and the
        // audit then withholds the target as a card number (a CI run found no line for its transaction so).
        var transaction = Ids.New("audit");
        const string actor = "mia@example.test";

        var c = await service.OpenAsync("T-AUDIT", transaction, "S-AUDIT", actor);
        await service.AssignOwnerAsync(c.Id, actor, actor);
        await service.AdvanceAsync(c.Id, actor);
        await service.SetBankReferenceAsync(c.Id, "ACQ-77", actor);
        await service.AddNoteAsync(c.Id, "Acquirer confirmed", actor);
        await service.ResolveAsync(c.Id, CaseOutcome.ReCredited, actor);
        await service.ReopenAsync(c.Id, actor);

        var (lines, _) = await audit.PageAsync(transaction, null, 0, 50);
        Assert.Equal(
            [AuditActions.CaseOpened, AuditActions.CaseOwnerChanged, AuditActions.CaseAdvanced, AuditActions.CaseBankReferenceSet,
             AuditActions.CaseNoteAdded, AuditActions.CaseResolved, AuditActions.CaseReopened],
            lines.Reverse().Select(l => l.Action));
        Assert.All(lines, l =>
        {
            Assert.Equal(actor, l.Actor);
            Assert.Equal($"T-AUDIT/{transaction}", l.Target);
            Assert.StartsWith("S-AUDIT: ", l.Details);
        });
        Assert.Contains(lines, l => l.Details!.Contains("Acquirer confirmed", StringComparison.Ordinal));
    }
}
