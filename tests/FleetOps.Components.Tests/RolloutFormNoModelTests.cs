using Bunit;
using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Core.Fleet;
using FleetOps.Web.Components.Pages;
using FleetOps.Web.Rollouts;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace FleetOps.Components.Tests;

/// <summary>
/// The new-rollout form with no model to choose: it preselects the first model and its list cannot be cleared, so its model
/// is missing only when no terminal is in service (none registered, or all decommissioned). It said "Choose a model." under
/// an empty list; now it says why there is none, and nothing is created.
/// </summary>
public sealed class RolloutFormNoModelTests : FleetComponentTest
{
    private readonly IRenderedComponent<MudDialogProvider> _dialogs;

    public RolloutFormNoModelTests()
    {
        Services.AddSingleton<RolloutService>();
        RenderPopoverProvider();
        _dialogs = Context.Render<MudDialogProvider>();
        AddStore("S-1");
    }

    /// <summary>Opens the form, types a version and starts; returns the model field's error once it shows.</summary>
    private string StartWithoutModel()
    {
        Render<Rollouts>().Find("[data-testid=rollout-new]").Click();
        _dialogs.WaitForElement("input[data-testid=rollout-app-version]").Change("3.4.0");
        _dialogs.Find("[data-testid=rollout-start]").Click();
        var error = "";
        _dialogs.WaitForAssertion(() => error = Assert.Single(_dialogs.FindAll(".mud-input-helper-text.mud-input-error")).TextContent.Trim());
        Assert.Equal("true", _dialogs.Find("input[data-testid=rollout-model]").GetAttribute("aria-invalid")); // the error is the model's
        return error;
    }

    private void AssertNothingStarted()
    {
        Assert.NotEmpty(_dialogs.FindAll("[data-testid=rollout-start]")); // the form stays open
        Assert.Empty(_dialogs.FindAll("[data-testid=rollout-refusal]"));
        Assert.Empty(Services.GetRequiredService<RolloutBook>().All);
    }

    [Fact]
    public void With_no_terminal_registered_the_model_field_says_there_is_none_to_roll_out_to()
    {
        Assert.Equal("No terminal is in service, so there is no model to roll out to.", StartWithoutModel());

        AssertNothingStarted();
    }

    [Fact]
    public void With_every_terminal_decommissioned_the_model_field_says_so_in_chinese()
    {
        Fleet.Register(new TerminalRegistration("T-1", "S-1", "A920", null, Decommissioned: true));
        UseLanguage(Languages.Chinese);

        Assert.Equal("没有在用的终端，因此没有可发布的型号。", StartWithoutModel());

        AssertNothingStarted();
    }
}
