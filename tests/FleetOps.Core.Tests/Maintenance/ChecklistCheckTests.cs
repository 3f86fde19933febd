using FleetOps.Core.Maintenance;

namespace FleetOps.Core.Tests.Maintenance;

/// <summary>The completion rule: required items, readings within limits or explained, failed checks flagged.</summary>
public sealed class ChecklistCheckTests
{
    private static readonly ChecklistTemplate Power = DefaultChecklists.All.Single(t => t.Key == DefaultChecklists.PowerUps);

    private static List<ChecklistAnswer> AllFine() =>
    [
        new("adapter_ok", "true"), new("mains_voltage", "229"), new("ups_self_test", "true"), new("ups_runtime", "14"),
        new("surge_protection", "true"), new("manager_signature", "Li Wei"),
    ];

    /// <summary>The store manager's drawn signature is uploaded for its item.</summary>
    private static readonly IReadOnlySet<string> Signed = new HashSet<string> { "manager_signature" };

    [Fact]
    public void A_complete_checklist_within_limits_is_accepted_with_nothing_flagged()
    {
        var outcome = ChecklistCheck.Judge(Power, AllFine(), Signed);

        Assert.True(outcome.Accepted);
        Assert.Empty(outcome.Flagged);
    }

    [Fact]
    public void Missing_required_items_and_an_unexplained_reading_out_of_limits_are_listed()
    {
        var answers = AllFine().Where(a => a.Item is not ("adapter_ok" or "manager_signature")).ToList();
        answers[answers.FindIndex(a => a.Item == "ups_runtime")] = new("ups_runtime", "6");

        var outcome = ChecklistCheck.Judge(Power, answers);

        Assert.Equal(
            [("adapter_ok", ChecklistProblemReason.Missing), ("ups_runtime", ChecklistProblemReason.OutOfLimits), ("manager_signature", ChecklistProblemReason.Missing)],
            outcome.Problems.Select(p => (p.Item, p.Reason)));
        Assert.Contains("ups_runtime", outcome.Flagged);
    }

    [Fact]
    public void A_reading_out_of_limits_with_a_note_is_accepted_but_flagged()
    {
        var answers = AllFine();
        answers[answers.FindIndex(a => a.Item == "ups_runtime")] = new("ups_runtime", "6", "UPS battery worn; replacement ordered");

        var outcome = ChecklistCheck.Judge(Power, answers, Signed);

        Assert.True(outcome.Accepted);
        Assert.Equal(["ups_runtime"], outcome.Flagged);
    }

    [Fact]
    public void A_failed_check_is_recorded_and_flagged_not_refused()
    {
        var answers = AllFine();
        answers[answers.FindIndex(a => a.Item == "surge_protection")] = new("surge_protection", "false");

        var outcome = ChecklistCheck.Judge(Power, answers, Signed);

        Assert.True(outcome.Accepted);
        Assert.Equal(["surge_protection"], outcome.Flagged);
    }

    [Theory]
    [InlineData("mains_voltage", "two hundred", ChecklistProblemReason.NotANumber)]
    [InlineData("adapter_ok", "yes", ChecklistProblemReason.NotACheck)]
    [InlineData("no_such_item", "true", ChecklistProblemReason.UnknownItem)]
    public void Values_that_cannot_be_read_are_problems(string item, string value, ChecklistProblemReason reason)
    {
        var answers = AllFine().Where(a => a.Item != item).Append(new ChecklistAnswer(item, value)).ToList();

        Assert.Equal(reason, Assert.Single(ChecklistCheck.Judge(Power, answers, Signed).Problems).Reason);
    }

    [Fact]
    public void A_required_photo_is_given_by_its_upload()
    {
        var template = new ChecklistTemplate("t", 1, "T", [new ChecklistItem("p", "Photo", ChecklistItemType.Photo, Required: true)]);

        Assert.False(ChecklistCheck.Judge(template, []).Accepted);
        Assert.True(ChecklistCheck.Judge(template, [], new HashSet<string> { "p" }).Accepted);
    }

    [Fact]
    public void A_signature_is_the_drawing_or_the_signer_s_name_and_nothing_at_all_is_missing()
    {
        var unsigned = AllFine().Where(a => a.Item != "manager_signature").ToList();

        var missing = ChecklistCheck.Judge(Power, unsigned);

        Assert.Equal(("manager_signature", ChecklistProblemReason.Missing), (Assert.Single(missing.Problems).Item, missing.Problems[0].Reason));
        Assert.True(ChecklistCheck.Judge(Power, unsigned, Signed).Accepted); // drawn on the pad
        Assert.True(ChecklistCheck.Judge(Power, AllFine()).Accepted); // "Li Wei" as the item's value (docs/api.md §8)
    }

    [Fact]
    public void Shipped_checklists_have_unique_ascii_keys()
    {
        Assert.Equal(DefaultChecklists.All.Count, DefaultChecklists.All.Select(t => t.Key).Distinct().Count());
        foreach (var template in DefaultChecklists.All)
        {
            Assert.Matches("^[a-z][a-z0-9_]*$", template.Key);
            Assert.All(template.Items, i => Assert.Matches("^[a-z][a-z0-9_]*$", i.Key));
            Assert.Equal(template.Items.Count, template.Items.Select(i => i.Key).Distinct().Count());
        }
    }
}
